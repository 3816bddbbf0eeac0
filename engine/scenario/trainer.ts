import type { TableDef } from "../db/columns.js";
import type { Engine } from "../api/engine.js";
import { rowToJson } from "../api/json.js";
import type { ReadResult } from "../queries/read.js";
import { formatDecimal, type Dec } from "../kernel/decimal.js";
import { asDecimal } from "./compare.js";

const money = (d: Dec): string => formatDecimal(d, 2);
import { appendOnlyTables } from "./invariants.js";
import type { JsonRow, PostedEntries } from "./types.js";

/**
 * What a posting made, for a class to read: the runner notes the highest entry number of every
 * ledger before a command and reads the entries above it afterwards (entry numbers run on per table).
 */

/** Ledgers: append-only tables keyed by one whole number (glEntry.entryNo, glRegister.no, …). */
export function entryTables(): TableDef[] {
  return appendOnlyTables().filter((t) => {
    if (t.key.length !== 1) return false;
    return t.columns.find((c) => c.name === t.key[0])?.kind === "int";
  });
}

export type EntryMarks = Map<string, number>;

export function markEntries(engine: Engine, tables: readonly TableDef[] = entryTables()): EntryMarks {
  const marks: EntryMarks = new Map();
  for (const t of tables) {
    const r = engine.db.all(`SELECT COALESCE(MAX("${t.key[0]}"), 0) FROM "${t.name}"`);
    marks.set(t.name, Number(r[0]?.[0] ?? 0));
  }
  return marks;
}

/** Reads one table's rows in `read` form (decimals as strings, computed fields included). */
export function readJson(engine: Engine, table: string, where: Record<string, unknown>): JsonRow[] {
  const r = engine.run("read", { table, where }) as ReadResult;
  return r.rows.map((row) => rowToJson(row, r.columns));
}

/** The rows each ledger gained since `before`, in entry order; tables that gained nothing are left out. */
export function entriesSince(engine: Engine, before: EntryMarks): Record<string, JsonRow[]> {
  const after = markEntries(
    engine,
    entryTables().filter((t) => before.has(t.name)),
  );
  const out: Record<string, JsonRow[]> = {};
  for (const t of entryTables()) {
    const from = before.get(t.name);
    const to = after.get(t.name);
    if (from === undefined || to === undefined || to <= from) continue;
    const key = t.key[0]!;
    const rows: JsonRow[] = [];
    for (let n = from + 1; n <= to; n++) rows.push(...readJson(engine, t.name, { [key]: n }));
    out[t.name] = rows;
  }
  return out;
}

export function postedEntries(engine: Engine, tables: Record<string, JsonRow[]>): PostedEntries {
  const glAccountNames: Record<string, string> = {};
  for (const e of tables.glEntry ?? []) {
    const no = String(e.glAccountNo ?? "");
    if (no in glAccountNames) continue;
    const acc = readJson(engine, "glAccount", { no })[0];
    glAccountNames[no] = acc ? String(acc.name ?? "") : "";
  }
  return { tables, glAccountNames };
}

// ---------------------------------------------------------------------------------------------
// Text rendering

interface Column {
  title: string;
  field: string | ((row: JsonRow) => string);
  /** Right-aligned, two decimals. */
  amount?: boolean;
  /** Right-aligned as given (quantities, numbers). */
  number?: boolean;
}

const TABLE_COLUMNS: Record<string, { title: string; columns: Column[] }> = {
  custLedgerEntry: {
    title: "Customer ledger entries",
    columns: [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Customer", field: "customerNo" },
      { title: "Posting date", field: "postingDate" },
      { title: "Doc. type", field: "documentType" },
      { title: "Doc. no.", field: "documentNo" },
      { title: "Due date", field: "dueDate" },
      { title: "Amount", field: "amount", amount: true },
      { title: "Remaining", field: "remainingAmount", amount: true },
      { title: "Open", field: "open" },
    ],
  },
  detailedCustLedgEntry: {
    title: "Detailed customer ledger entries",
    columns: [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Cust. entry", field: "custLedgerEntryNo", number: true },
      { title: "Entry type", field: "entryType" },
      { title: "Doc. type", field: "documentType" },
      { title: "Doc. no.", field: "documentNo" },
      { title: "Customer", field: "customerNo" },
      { title: "Amount", field: "amount", amount: true },
      { title: "Amount (LCY)", field: "amountLcy", amount: true },
    ],
  },
  itemLedgerEntry: {
    title: "Item ledger entries",
    columns: [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Item", field: "itemNo" },
      { title: "Entry type", field: "entryType" },
      { title: "Doc. type", field: "documentType" },
      { title: "Doc. no.", field: "documentNo" },
      { title: "Location", field: "locationCode" },
      { title: "Quantity", field: "quantity", number: true },
      { title: "Invoiced", field: "invoicedQuantity", number: true },
      { title: "Remaining", field: "remainingQuantity", number: true },
      { title: "Open", field: "open" },
    ],
  },
  valueEntry: {
    title: "Value entries",
    columns: [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Item entry", field: "itemLedgerEntryNo", number: true },
      { title: "Item", field: "itemNo" },
      { title: "Entry type", field: "entryType" },
      { title: "Doc. no.", field: "documentNo" },
      { title: "Valued qty.", field: "valuedQuantity", number: true },
      { title: "Invoiced qty.", field: "invoicedQuantity", number: true },
      { title: "Sales (exp.)", field: "salesAmountExpected", amount: true },
      { title: "Sales (act.)", field: "salesAmountActual", amount: true },
      { title: "Cost (exp.)", field: "costAmountExpected", amount: true },
      { title: "Cost (act.)", field: "costAmountActual", amount: true },
      { title: "Cost to G/L", field: "costPostedToGl", amount: true },
    ],
  },
  vatEntry: {
    title: "VAT entries",
    columns: [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Type", field: "type" },
      { title: "Doc. type", field: "documentType" },
      { title: "Doc. no.", field: "documentNo" },
      { title: "VAT bus.", field: "vatBusPostingGroup" },
      { title: "VAT prod.", field: "vatProdPostingGroup" },
      { title: "Base", field: "base", amount: true },
      { title: "Amount", field: "amount", amount: true },
    ],
  },
};

/** Tables shown as their own section, in this order; glRegister and application entries are not shown. */
const SHOWN = ["custLedgerEntry", "detailedCustLedgEntry", "itemLedgerEntry", "valueEntry", "vatEntry"];
const HIDDEN = new Set(["glEntry", "glRegister", "itemApplicationEntry"]);

function cell(row: JsonRow, col: Column): string {
  const v = typeof col.field === "function" ? col.field(row) : row[col.field];
  if (v === null || v === undefined) return "";
  if (col.amount) {
    const d = asDecimal(v);
    return d ? money(d) : String(v);
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** A plain-text table: a header, a rule, the rows; amounts and numbers right-aligned. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly JsonRow[],
  footer?: string[],
): string[] {
  const cells = rows.map((r) => columns.map((c) => cell(r, c)));
  const all = footer ? [...cells, footer] : cells;
  const widths = columns.map((c, i) => Math.max(c.title.length, ...all.map((r) => (r[i] ?? "").length)));
  const right = columns.map((c) => c.amount === true || c.number === true);
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (right[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(columns.map((c) => c.title)), line(widths.map((w) => "-".repeat(w)))];
  for (const r of cells) out.push(line(r));
  if (footer) {
    out.push(line(widths.map((w, i) => (right[i] && footer[i] ? "-".repeat(w) : ""))));
    out.push(line(footer));
  }
  return out;
}

function debitCredit(row: JsonRow): { debit: string; credit: string } {
  const amount = asDecimal(row.amount);
  const debit = asDecimal(row.debitAmount);
  const credit = asDecimal(row.creditAmount);
  if (amount && debit && credit && !(debit.isZero() && credit.isZero()) && debit.minus(credit).eq(amount))
    return {
      debit: debit.isZero() ? "" : money(debit),
      credit: credit.isZero() ? "" : money(credit),
    };
  if (!amount) return { debit: "", credit: "" };
  return amount.isNegative()
    ? { debit: "", credit: money(amount.negated()) }
    : { debit: money(amount), credit: "" };
}

function glSection(entries: PostedEntries): string[] {
  const gl = entries.tables.glEntry ?? [];
  if (gl.length === 0) return [];
  const registers = entries.tables.glRegister ?? [];
  const byTransaction = new Map<string, JsonRow[]>();
  for (const e of gl) {
    const t = String(e.transactionNo ?? "");
    const list = byTransaction.get(t) ?? [];
    list.push(e);
    byTransaction.set(t, list);
  }
  const out: string[] = [];
  for (const [transaction, rows] of byTransaction) {
    const first = rows[0]!;
    const entryNo = Number(first.entryNo);
    const register = registers.find(
      (r) => Number(r.fromEntryNo) <= entryNo && entryNo <= Number(r.toEntryNo),
    );
    const docTypes = new Map<string, string>();
    for (const r of rows) {
      const no = String(r.documentNo ?? "");
      const type = String(r.documentType ?? "").trim();
      if (no !== "" && (!docTypes.has(no) || (docTypes.get(no) === "" && type !== "")))
        docTypes.set(no, type);
    }
    const docs = [...docTypes].map(([no, type]) => (type ? `${type} ${no}` : no));
    const head = [`G/L transaction ${transaction}`];
    if (register) head.push(`register ${String(register.no)}`);
    head.push(String(first.postingDate ?? ""));
    if (docs.length) head.push(docs.join(", "));
    out.push(head.filter((h) => h !== "").join(" · "));
    const sides = rows.map(debitCredit);
    let totalDebit = asDecimal(0)!;
    let totalCredit = asDecimal(0)!;
    for (const s of sides) {
      if (s.debit) totalDebit = totalDebit.plus(asDecimal(s.debit)!);
      if (s.credit) totalCredit = totalCredit.plus(asDecimal(s.credit)!);
    }
    const view = rows.map((r, i) => ({ ...r, _debit: sides[i]!.debit, _credit: sides[i]!.credit }));
    const columns: Column[] = [
      { title: "Entry", field: "entryNo", number: true },
      { title: "Account", field: "glAccountNo" },
      { title: "Name", field: (r) => entries.glAccountNames[String(r.glAccountNo)] ?? "" },
      { title: "Debit", field: "_debit", amount: true },
      { title: "Credit", field: "_credit", amount: true },
    ];
    out.push(
      ...renderTable(columns, view, ["", "", "Total", money(totalDebit), money(totalCredit)]).map(
        (l) => `  ${l}`,
      ),
    );
  }
  return out;
}

function genericColumns(rows: readonly JsonRow[]): Column[] {
  const fields = Object.keys(rows[0] ?? {}).filter((f) =>
    rows.some((r) => {
      const v = r[f];
      if (v === null || v === "" || v === false || v === " ") return false;
      const d = asDecimal(v);
      return !(d && d.isZero());
    }),
  );
  return fields.slice(0, 10).map((f) => ({ title: f, field: f }));
}

/** The trainer's view of one posting: G/L per transaction, then the other ledgers' key columns. */
export function formatEntries(entries: PostedEntries): string[] {
  const out = glSection(entries);
  const names = [
    ...SHOWN,
    ...Object.keys(entries.tables).filter((t) => !SHOWN.includes(t) && !HIDDEN.has(t)),
  ];
  for (const name of names) {
    const rows = entries.tables[name];
    if (!rows || rows.length === 0) continue;
    const spec = TABLE_COLUMNS[name] ?? { title: name, columns: genericColumns(rows) };
    out.push(spec.title);
    out.push(...renderTable(spec.columns, rows).map((l) => `  ${l}`));
  }
  return out;
}
