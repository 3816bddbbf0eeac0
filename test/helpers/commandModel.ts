import fc from "fast-check";
import { fixtureBytesWithFreePages, freelistCount } from "./freePages.js";
import { Engine, type CommandResponse } from "../../engine/api/index.js";
import {
  checkLedgerInvariants,
  LedgerSnapshot,
  type InvariantViolation,
} from "../../engine/scenario/invariants.js";
import { compareWithPreview } from "../../engine/scenario/parity.js";
import { entriesSince, markEntries } from "../../engine/scenario/trainer.js";
import { FIXTURE_WORK_DATE, fixtureCompany, sameBytes } from "./company.js";
import { clip, describeRequest, errorShapeProblems, storedValueProblems } from "./properties.js";

/**
 * The command model of the property suite: abstract commands that fast-check generates and shrinks,
 * made concrete against the engine's state when they run (a document is "the k-th one created", a
 * line "the k-th one it has"), so a shrunk sequence still means something.
 */

export const CUSTOMERS = ["C10000", "C20000", "C30000"] as const;
export const ITEMS = ["1000", "1001", "1002"] as const;

/** A date in January–March 2025 (the fixture's allowed posting period is open). */
export const dateArb = fc.integer({ min: 1, max: 90 }).map((n) => {
  const [m, d] = n <= 31 ? [1, n] : n <= 59 ? [2, n - 31] : [3, n - 59];
  return `2025-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
});

/** A decimal text with two places from whole cents: no float ever makes the digits. */
export function cents(c: number): string {
  const sign = c < 0 ? "-" : "";
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
}
export const priceArb = fc.integer({ min: 1, max: 500_000 }).map(cents);
const qtyArb = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom("0.5", "2.25", "1.00001"));
const pctArb = fc.constantFrom("0", "5", "12.5", "33.33333", "100");
/** Ordinary text a user types, including characters that look like formulas or quotes. */
export const textArb = fc.string({
  unit: fc.constantFrom(..."abcxyzABCXYZ 019-=+'\"%;éüßØ–€"),
  maxLength: 30,
});

const itemLineArb = fc.record(
  {
    type: fc.constant("Item"),
    no: fc.constantFrom(...ITEMS),
    quantity: qtyArb,
    unitPrice: priceArb,
    lineDiscountPct: pctArb,
    description: textArb,
  },
  { requiredKeys: ["type", "no", "quantity"] },
);
const glLineArb = fc.record(
  {
    type: fc.constant("G/L Account"),
    no: fc.constant("6120"),
    quantity: qtyArb,
    unitPrice: priceArb,
    lineDiscountPct: pctArb,
  },
  { requiredKeys: ["type", "no", "quantity", "unitPrice"] },
);
export const lineArb = fc.oneof({ arbitrary: itemLineArb, weight: 3 }, { arbitrary: glLineArb, weight: 1 });
type LineSpec = Record<string, unknown>;

export type Abstract =
  | {
      kind: "create";
      documentType: "Order" | "Invoice";
      customer: number;
      postingDate?: string;
      lines: LineSpec[];
    }
  | { kind: "addLines"; doc: number; lines: LineSpec[] }
  | { kind: "toHandle"; doc: number; line: number; field: "qtyToShip" | "qtyToInvoice"; pct: number }
  | { kind: "setLine"; doc: number; line: number; values: Record<string, unknown> }
  | { kind: "deleteLine"; doc: number; line: number }
  | { kind: "header"; doc: number; values: Record<string, unknown> }
  | { kind: "release" | "reopen"; doc: number }
  | { kind: "post" | "preview"; doc: number; ship?: boolean; invoice?: boolean }
  | { kind: "journal"; lines: Record<string, unknown>[] }
  | { kind: "customer"; row: Record<string, unknown> }
  | { kind: "item"; row: Record<string, unknown> }
  | { kind: "paymentTerms"; code: string; dueDateCalculation: string }
  | { kind: "read"; table: string };

/** Which open document a command names: the k-th, or (-1) one that does not exist. */
const doc = fc.oneof({ weight: 9, arbitrary: fc.nat(6) }, { weight: 1, arbitrary: fc.constant(-1) });
const line = fc.nat(5);

export const validCommandArb: fc.Arbitrary<Abstract> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant("create" as const),
        documentType: fc.constantFrom("Order" as const, "Invoice" as const),
        customer: fc.nat(CUSTOMERS.length - 1),
        postingDate: dateArb,
        lines: fc.array(lineArb, { minLength: 0, maxLength: 4 }),
      },
      { requiredKeys: ["kind", "documentType", "customer", "lines"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("addLines" as const),
      doc,
      lines: fc.array(lineArb, { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("toHandle" as const),
      doc,
      line,
      field: fc.constantFrom("qtyToShip" as const, "qtyToInvoice" as const),
      pct: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("setLine" as const),
      doc,
      line,
      values: fc.oneof(
        fc.record({ quantity: qtyArb }),
        fc.record({ unitPrice: priceArb }),
        fc.record({ lineDiscountPct: pctArb }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteLine" as const), doc, line }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("header" as const),
      doc,
      values: fc.oneof(
        fc.record({ postingDate: dateArb }),
        fc.record({ externalDocumentNo: textArb }),
        fc.record({ documentDate: dateArb, yourReference: textArb }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("release" as const, "reopen" as const), doc }) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constantFrom("post" as const, "preview" as const),
        doc,
        ship: fc.boolean(),
        invoice: fc.boolean(),
      },
      { requiredKeys: ["kind", "doc"] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("journal" as const),
      lines: fc.array(
        fc.record(
          {
            entryType: fc.constantFrom("Purchase", "Positive Adjmt.", "Negative Adjmt."),
            itemNo: fc.constantFrom(...ITEMS),
            quantity: fc.integer({ min: 1, max: 30 }),
            unitCost: priceArb,
            postingDate: dateArb,
          },
          { requiredKeys: ["entryType", "itemNo", "quantity"] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("customer" as const),
      row: fc.oneof(
        fc.record({ no: fc.constantFrom(...CUSTOMERS), name: textArb }),
        fc.record({
          no: fc.integer({ min: 50_000, max: 50_009 }).map((n) => `C${n}`),
          name: textArb,
          address: textArb,
          customerPostingGroup: fc.constant("DOMESTIC"),
          genBusPostingGroup: fc.constant("DOMESTIC"),
          vatBusPostingGroup: fc.constant("DOMESTIC"),
          paymentTermsCode: fc.constantFrom("14D", "PT1", "PT2"),
        }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("item" as const),
      row: fc.oneof(
        fc.record({ no: fc.constantFrom(...ITEMS), description: textArb, unitPrice: priceArb }),
        fc.record({
          no: fc.integer({ min: 9000, max: 9004 }).map(String),
          description: textArb,
          type: fc.constant("Inventory"),
          costingMethod: fc.constantFrom("FIFO", "LIFO", "Average"),
          baseUnitOfMeasure: fc.constant("PCS"),
          genProdPostingGroup: fc.constant("RETAIL"),
          vatProdPostingGroup: fc.constantFrom("VAT21", "VAT10"),
          inventoryPostingGroup: fc.constant("RESALE"),
          unitPrice: priceArb,
          unitCost: priceArb,
        }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("paymentTerms" as const),
      code: fc.constantFrom("14D", "PT1", "PT2"),
      dueDateCalculation: fc.constantFrom("14D", "30D", "1M+CM", "CM", "-1W", "2WD", "D10", "CQ+1M", ""),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("read" as const),
      table: fc.constantFrom(
        "customer",
        "item",
        "glAccount",
        "salesHeader",
        "custLedgerEntry",
        "itemLedgerEntry",
      ),
    }),
  },
);

/**
 * Bad values a mutation puts somewhere in a command. Each is named so a counterexample prints short;
 * the value is built when the command runs.
 */
export const BAD_VALUES = {
  number: () => 42,
  negative: () => -1,
  zero: () => 0,
  fraction: () => 0.1 + 0.2,
  text: () => "abc",
  empty: () => "",
  bool: () => true,
  null: () => null,
  list: () => [],
  object: () => ({ a: 1 }),
  nestedObject: () => ({ a: { b: [1, { c: "2" }] } }),
  unknownCode: () => "ZZ999",
  date0000: () => "0000-01-01",
  date9999: () => "9999-12-31",
  date0230: () => "2025-02-30",
  date1301: () => "2025-13-01",
  dateCompact: () => "20250115",
  date0099: () => "0099-12-25",
  amount1e30: () => 1e30,
  amountNeg1e30: () => -1e30,
  amountLongText: () => "99999999999999999999.123456",
  amount5e13: () => "50000000000000",
  nan: () => NaN,
  infinity: () => Infinity,
  digits20: () => "99999999999999999999",
  number1e20: () => 1e20,
  minus10000: () => -10000,
  int2p53: () => 2 ** 53,
  bom: () => "\uFEFFC10000",
  loneSurrogate: () => "\uD800x",
  text100k: () => "x".repeat(100_000),
  eszett15: () => "ß".repeat(15),
  formula999999999D: () => "999999999D",
  formula99999999999Y: () => "99999999999Y",
  bigint: () => 10n,
  map: () => new Map([["no", "C10000"]]),
  deepList: () => {
    let v: unknown[] = [];
    for (let i = 0; i < 100_000; i++) v = [v];
    return v;
  },
} as const satisfies Record<string, () => unknown>;
export type BadValue = keyof typeof BAD_VALUES;

/** Fields a mutation may set on any object of a request: those where the issue found defects. */
export const MUTATED_FIELDS = [
  "lineNo",
  "postingDate",
  "documentDate",
  "quantity",
  "unitPrice",
  "unitCost",
  "no",
  "name",
  "description",
  "externalDocumentNo",
  "dueDateCalculation",
  "table",
  "where",
] as const;

export interface Mutation {
  op: "replace" | "drop" | "add" | "set";
  /** For "set": the field set on the chosen object. */
  field: MutatedField;
  /** Which place in the request (taken modulo the number of places, so any number is meaningful). */
  at: number;
  bad: BadValue;
}
export type Step = { valid: Abstract } | { mutated: Abstract; how: Mutation };

export type MutatedField = (typeof MUTATED_FIELDS)[number];

export function mutationArb(
  bad: readonly BadValue[],
  fields: readonly MutatedField[] = MUTATED_FIELDS,
): fc.Arbitrary<Mutation> {
  return fc.record({
    op: fc.constantFrom("replace" as const, "set" as const, "set" as const, "drop" as const, "add" as const),
    field: fc.constantFrom(...fields),
    at: fc.nat(1_000),
    bad: fc.constantFrom(...bad),
  });
}

export function stepArb(
  bad: readonly BadValue[],
  mutatedShare = 0.35,
  fields: readonly MutatedField[] = MUTATED_FIELDS,
): fc.Arbitrary<Step> {
  const mutatedWeight = Math.round(mutatedShare * 100);
  if (bad.length === 0 || mutatedWeight === 0) return validCommandArb.map((valid) => ({ valid }));
  return fc.oneof(
    { weight: 100 - mutatedWeight, arbitrary: validCommandArb.map((valid) => ({ valid })) },
    {
      weight: mutatedWeight,
      arbitrary: fc.record({ mutated: validCommandArb, how: mutationArb(bad, fields) }),
    },
  );
}

type Path = (string | number)[];

/** Every place in a request a mutation may touch (not deeper than a few levels). */
function places(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (path.length >= 5 || value === null || typeof value !== "object") return out;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) places(v, [...path, k], out);
  return out;
}

function containers(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== "object" || path.length >= 5) return out;
  if (!Array.isArray(value)) out.push(path);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) containers(v, [...path, k], out);
  return out;
}

function isField(root: unknown, path: Path): boolean {
  if (path.length < 2 || typeof path[path.length - 1] !== "string") return false;
  const v = at(root, path) as unknown;
  return v === null || typeof v !== "object";
}

function at(root: unknown, path: Path): Record<string | number, unknown> {
  let v = root as Record<string | number, unknown>;
  for (const k of path) v = v[k] as Record<string | number, unknown>;
  return v;
}

export interface MutateOptions {
  /**
   * Keep the request's shape (the command name, its input object, lists and line objects) and touch
   * only field values and the fields of objects.
   */
  fieldsOnly?: boolean;
  /** Field names a mutation leaves alone. */
  avoid?: readonly string[];
}

/** The request with one place replaced, dropped, set to a bad value, or an unknown field added. */
export function mutate(
  request: Record<string, unknown>,
  how: Mutation,
  { fieldsOnly = false, avoid = [] }: MutateOptions = {},
): Record<string, unknown> {
  const copy = structuredClone(request);
  const bad = BAD_VALUES[how.bad]();
  if (how.op === "add" || how.op === "set") {
    const objs = containers(copy).filter((p) => !fieldsOnly || p.length > 0);
    const target = at(copy, objs[how.at % objs.length]!);
    target[how.op === "set" ? how.field : `extra${how.bad}`] = bad;
    return copy;
  }
  const all = places(copy).filter(
    (p) => (!fieldsOnly || isField(copy, p)) && !avoid.includes(String(p[p.length - 1])),
  );
  if (all.length === 0) return copy;
  const path = all[how.at % all.length]!;
  const parent = at(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (how.op === "drop" && !Array.isArray(parent)) delete parent[key];
  else parent[key] = bad;
  return copy;
}

interface DocKey {
  documentType: string;
  no: string;
}

/** What a step checks, besides the invariants: reads that change nothing, and byte equality. */
const READ_ONLY = new Set(["read", "previewPosting", "setWorkDate"]);

/**
 * One company under test: runs steps through `dispatch` and checks after each one what the issue
 * promises. Any problem throws, naming the step, the request and the recent history.
 */
export class CommandRun {
  private bytes: Uint8Array;
  private snapshot: LedgerSnapshot;
  readonly docs: DocKey[] = [];
  /** Preview every posting first and compare (off for a run that must see the posting alone). */
  previewParity = true;
  private readonly history: string[] = [];
  okCount = 0;
  failedCount = 0;

  private constructor(readonly engine: Engine) {
    this.bytes = engine.export();
    this.snapshot = LedgerSnapshot.take(engine.db);
  }

  static async fromBytes(bytes: Uint8Array): Promise<CommandRun> {
    return new CommandRun(await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE }));
  }

  close(): void {
    this.engine.close();
  }

  /** An order of two item lines and an invoice of an item and a G/L line, so steps have documents to name. */
  openDocuments(): this {
    const lines = [
      { type: "Item", no: "1000", quantity: 5 },
      { type: "Item", no: "1001", quantity: 3, lineDiscountPct: "10" },
    ];
    this.dispatchAndCheck({
      do: "createSalesDocument",
      with: { documentType: "Order", sellToCustomerNo: "C10000", lines },
    });
    this.dispatchAndCheck({
      do: "createSalesDocument",
      with: {
        documentType: "Invoice",
        sellToCustomerNo: "C20000",
        lines: [lines[0], { type: "G/L Account", no: "6120", quantity: 1, unitPrice: "25.00" }],
      },
    });
    return this;
  }

  /** The k-th open document; for -1 (and when there is none) one that does not exist. */
  private docAt(k: number): DocKey {
    if (this.docs.length === 0 || k < 0) return { documentType: "Order", no: "SO9999" };
    return this.docs[k % this.docs.length]!;
  }

  private lineOf(d: DocKey, k: number): { lineNo: number; outstanding: string } {
    const res = this.engine.dispatch({
      do: "read",
      with: { table: "salesLine", where: { documentType: d.documentType, documentNo: d.no } },
    });
    const rows = res.ok ? ((res.result as { rows: Record<string, unknown>[] }).rows ?? []) : [];
    if (rows.length === 0) return { lineNo: 10000, outstanding: "0" };
    const r = rows[k % rows.length]!;
    return { lineNo: Number(r.lineNo), outstanding: String(r.outstandingQuantity ?? "0") };
  }

  /** The concrete request for an abstract command, given what exists now. */
  concrete(a: Abstract): Record<string, unknown> {
    switch (a.kind) {
      case "create":
        return {
          do: "createSalesDocument",
          with: {
            documentType: a.documentType,
            sellToCustomerNo: CUSTOMERS[a.customer % CUSTOMERS.length],
            ...(a.postingDate ? { postingDate: a.postingDate } : {}),
            lines: a.lines,
          },
        };
      case "addLines": {
        const d = this.docAt(a.doc);
        return { do: "addSalesLines", with: { ...d, lines: a.lines } };
      }
      case "toHandle": {
        const d = this.docAt(a.doc);
        const l = this.lineOf(d, a.line);
        // A share of what is outstanding, in whole units: partial shipments and invoices.
        const outstanding = Math.floor(Number(l.outstanding));
        return {
          do: "updateSalesLine",
          with: { ...d, lineNo: l.lineNo, [a.field]: Math.floor((outstanding * a.pct) / 100) },
        };
      }
      case "setLine": {
        const d = this.docAt(a.doc);
        return { do: "updateSalesLine", with: { ...d, lineNo: this.lineOf(d, a.line).lineNo, ...a.values } };
      }
      case "deleteLine": {
        const d = this.docAt(a.doc);
        return { do: "deleteSalesLine", with: { ...d, lineNo: this.lineOf(d, a.line).lineNo } };
      }
      case "header":
        return { do: "updateSalesHeader", with: { ...this.docAt(a.doc), ...a.values } };
      case "release":
        return { do: "releaseSalesDocument", with: this.docAt(a.doc) };
      case "reopen":
        return { do: "reopenSalesDocument", with: this.docAt(a.doc) };
      case "post":
      case "preview": {
        const d = this.docAt(a.doc);
        const flags = d.documentType === "Order" ? { ship: a.ship, invoice: a.invoice } : {};
        return {
          do: a.kind === "post" ? "postSalesDocument" : "previewPosting",
          with: { ...d, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) },
        };
      }
      case "journal":
        return { do: "postItemJournal", with: { lines: a.lines } };
      case "customer":
        return { do: "upsert", with: { table: "customer", rows: [a.row] } };
      case "item":
        return { do: "upsert", with: { table: "item", rows: [a.row] } };
      case "paymentTerms":
        return {
          do: "upsert",
          with: { table: "paymentTerms", rows: [{ code: a.code, dueDateCalculation: a.dueDateCalculation }] },
        };
      case "read":
        return { do: "read", with: { table: a.table, limit: 50 } };
    }
  }

  requestFor(step: Step, options: MutateOptions = {}): unknown {
    return "valid" in step
      ? this.concrete(step.valid)
      : mutate(this.concrete(step.mutated), step.how, options);
  }

  /** Runs one request and checks everything a command must keep; throws with the story when not. */
  dispatchAndCheck(request: unknown, label = ""): CommandResponse {
    const text = describeRequest(request);
    const where = () =>
      `after ${this.history.length} earlier commands${label ? ` (${label})` : ""}\nrequest: ${text}\nlast commands:\n  ${this.history.slice(-6).join("\n  ")}`;
    const command =
      request !== null && typeof request === "object" ? (request as { do?: unknown }).do : undefined;
    // Preview is the posting, rolled back: it must fail when the posting fails and show its entries.
    const preview =
      this.previewParity && command === "postSalesDocument"
        ? this.dispatchAndCheck(
            { do: "previewPosting", with: (request as { with?: unknown }).with },
            "its preview",
          )
        : undefined;
    const marks = preview ? markEntries(this.engine) : undefined;
    let res: CommandResponse;
    try {
      res = this.engine.dispatch(request);
    } catch (e) {
      throw new Error(`dispatch threw ${e instanceof Error ? e.message : String(e)}\n${where()}`);
    }
    if (res === null || typeof res !== "object" || typeof res.ok !== "boolean")
      throw new Error(`dispatch returned ${String(res)}\n${where()}`);
    const problems: string[] = [];
    if (preview && preview.ok !== res.ok)
      problems.push(
        `the preview ${preview.ok ? "succeeded" : `failed (${clip(preview.error.message)})`} but the posting ${res.ok ? "succeeded" : `failed (${clip(res.error.message)})`}`,
      );
    if (preview?.ok && res.ok && marks)
      problems.push(
        ...compareWithPreview(preview.result, entriesSince(this.engine, marks)).map(
          (p) => `preview parity: ${p}`,
        ),
      );
    if (!res.ok) {
      this.failedCount++;
      problems.push(...errorShapeProblems(res));
      if (!sameBytes(this.engine.export(), this.bytes))
        problems.push(`the refused command changed the database bytes (error: ${clip(res.error.message)})`);
    } else if (typeof command === "string" && READ_ONLY.has(command)) {
      this.okCount++;
      if (!sameBytes(this.engine.export(), this.bytes))
        problems.push(`${command} changed the database bytes`);
    } else {
      this.okCount++;
      if (command === "createSalesDocument") {
        const r = res.result as DocKey;
        this.docs.push({ documentType: r.documentType, no: r.no });
      }
      if (command === "postSalesDocument") this.forgetPosted();
      problems.push(...this.bookProblems());
    }
    this.history.push(`${text} → ${res.ok ? "ok" : `${res.error.code}: ${clip(res.error.message, 80)}`}`);
    if (problems.length > 0) throw new Error(`${problems.join("\n")}\n${where()}`);
    return res;
  }

  /** Fully posted documents are deleted: later commands name the ones still open. */
  private forgetPosted(): void {
    for (const d of [...this.docs]) {
      const r = this.engine.dispatch({ do: "read", with: { table: "salesHeader", where: { ...d } } });
      if (r.ok && (r.result as { rows: unknown[] }).rows.length === 0)
        this.docs.splice(this.docs.indexOf(d), 1);
    }
  }

  /** The books after a committed command: invariants, unchanged ledger rows, sane values, readable. */
  private bookProblems(): string[] {
    const problems: string[] = [];
    let violations: InvariantViolation[] = [];
    try {
      violations = [...this.snapshot.verify(this.engine.db), ...checkLedgerInvariants(this.engine.db)];
    } catch (e) {
      problems.push(`the invariant check threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    problems.push(...violations.map((v) => `[${v.invariant}] ${v.message}`));
    problems.push(...storedValueProblems(this.engine.db));
    for (const table of ["customer", "glAccount", "item"]) {
      const r = this.engine.dispatch({ do: "read", with: { table } });
      if (!r.ok) problems.push(`read ${table} fails afterwards: ${clip(r.error.message)}`);
    }
    this.bytes = this.engine.export();
    this.snapshot = LedgerSnapshot.take(this.engine.db);
    return problems;
  }
}

let fixtureBytes: Uint8Array | undefined;

/** The standard fixture company's bytes, built once per file (opening bytes is ten times faster). */
export async function fixtureBytesOnce(): Promise<Uint8Array> {
  if (!fixtureBytes) {
    const engine = await fixtureCompany();
    fixtureBytes = engine.export();
    engine.close();
  }
  return fixtureBytes;
}

let freePagesBytes: Uint8Array | undefined;

/**
 * The fixture company after a document of 200 long lines was written and its lines deleted: its file
 * has free pages (SQLite reuses them without journalling their old content, issue 6 item 4).
 * Holds invoice SI1001 of C10000, now without lines.
 */
export async function fixtureWithFreePagesOnce(): Promise<Uint8Array> {
  if (!freePagesBytes) {
    // An engine keeps no free pages (auto_vacuum FULL); a file written before that had them.
    const bytes = await fixtureBytesWithFreePages();
    if (freelistCount(bytes) === 0) throw new Error("the company was meant to have free pages");
    // Opening vacuums the old file once; the open documents the property runs expect are added after.
    const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE });
    const created = engine.dispatch({
      do: "createSalesDocument",
      with: { documentType: "Invoice", sellToCustomerNo: "C10000", lines: [] },
    });
    if (!created.ok) throw new Error(created.error.message);
    freePagesBytes = engine.export();
    engine.close();
  }
  return freePagesBytes;
}
