import { encodeValue, type SqlValue } from "./codec.js";
import { sqlType } from "./columns.js";
import type { Database } from "./database.js";
import type { GlRegisterRow } from "./schema/rows.generated.js";
import { tableDef } from "./schema/index.js";
import { sha256Text } from "./sha256.js";

/**
 * The G/L register hash chain. Each register covers, per ledger, the entries numbered above the
 * previous register's mark up to its own: G/L and VAT by BC's To Entry No. / To VAT Entry No. (0 when
 * the register has none), the other ledgers by the highest entry number when it was written. Its hash
 * is SHA-256 over the previous register's hash, its own fields and every covered entry (all columns
 * but the declared mutable ones; text as SQLite's quote() writes it, integers as they are: INTEGER
 * affinity stores any text that reads as an integer as that integer, so a value of another type, text
 * or float, always reads differently and hashes differently). Changing, adding or deleting a covered entry or a register breaks the chain.
 */
export const CHAINED_LEDGERS = [
  { table: "glEntry", mark: "toEntryNo" },
  { table: "vatEntry", mark: "toVatEntryNo" },
  { table: "custLedgerEntry", mark: "toCustLedgerEntryNo" },
  { table: "detailedCustLedgEntry", mark: "toDetailedCustLedgEntryNo" },
  { table: "itemLedgerEntry", mark: "toItemLedgerEntryNo" },
  { table: "valueEntry", mark: "toValueEntryNo" },
  { table: "itemApplicationEntry", mark: "toItemApplicationEntryNo" },
] as const satisfies readonly { table: string; mark: keyof GlRegisterRow }[];

/** The hash written by this version of the chain; a later format would get its own prefix. */
const FORMAT = "ledgerpane-register-1";

export type Marks = number[];

function rowTextSql(table: string): string {
  const def = tableDef(table)!;
  const mutable = new Set(def.appendOnly?.mutable ?? []);
  return def.columns
    .filter((c) => !mutable.has(c.name))
    .map((c) => (sqlType(c.kind) === "INTEGER" ? `ifnull("${c.name}", 'NULL')` : `quote("${c.name}")`))
    .join(` || ',' || `);
}

// One statement for all ledgers: a posting runs this once, so each extra statement is felt.
const RANGE_SQL = CHAINED_LEDGERS.map(
  ({ table }, i) =>
    `SELECT ${i} AS "ledger", "entryNo", ${rowTextSql(table)} AS "text" FROM "${table}" WHERE "entryNo" > ? AND "entryNo" <= ?`,
).join(" UNION ALL ");
const ALL_SQL = CHAINED_LEDGERS.map(
  ({ table }) => `SELECT "entryNo", ${rowTextSql(table)} FROM "${table}" ORDER BY "entryNo"`,
);
const MAX_SQL = `SELECT ${CHAINED_LEDGERS.map(({ table }) => `(SELECT COALESCE(MAX("entryNo"), 0) FROM "${table}")`).join(", ")}`;

const MARKS_AND_HASH_SQL = `${MAX_SQL}, (SELECT "hash" FROM "glRegister" ORDER BY "no" DESC LIMIT 1)`;

const REGISTER_COLUMNS = tableDef("glRegister")!.columns.filter((c) => c.name !== "hash");

/** SQLite's quote() for the values a register holds, so a register hashes the same from memory and from disk. */
function quote(v: SqlValue): string {
  if (v === null) return "NULL";
  if (typeof v === "string") return `'${v.replace(/'/g, "''")}'`;
  if (v instanceof Uint8Array) return `X'${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}'`;
  return String(v);
}

function registerText(raw: readonly SqlValue[]): string {
  return raw.map(quote).join(",");
}

function hashOf(previousHash: string, register: string, ledgers: readonly string[][]): string {
  const parts = [FORMAT, previousHash, register];
  CHAINED_LEDGERS.forEach(({ table }, i) => {
    parts.push(`${table}:${ledgers[i]!.length}`);
    for (const row of ledgers[i]!) parts.push(row);
  });
  return sha256Text(parts.join("\n"));
}

/** The highest entry number of every chained ledger now. */
export function currentMarks(db: Database): Marks {
  return db.all(MAX_SQL)[0]!.map(Number);
}

/**
 * Fills in a new register's marks for the ledgers BC's register does not track and its hash, over the
 * entries numbered above `before` (the marks when the posting began) up to now.
 */
export function sealRegister(db: Database, register: GlRegisterRow, before: Marks): number[] {
  const row = db.all(MARKS_AND_HASH_SQL)[0]!;
  const now = row.slice(0, CHAINED_LEDGERS.length).map(Number);
  const previousHash = row[CHAINED_LEDGERS.length] === null ? "" : String(row[CHAINED_LEDGERS.length]);
  register.toCustLedgerEntryNo = now[2]!;
  register.toDetailedCustLedgEntryNo = now[3]!;
  register.toItemLedgerEntryNo = now[4]!;
  register.toValueEntryNo = now[5]!;
  register.toItemApplicationEntryNo = now[6]!;
  const ledgers: string[][] = CHAINED_LEDGERS.map(() => []);
  const params = CHAINED_LEDGERS.flatMap((_, i) => [before[i]!, now[i]!]);
  // Sorted here: cheaper than ORDER BY over the union, which needs a temporary b-tree.
  const rows = db
    .all(RANGE_SQL, params)
    .sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));
  for (const r of rows) ledgers[Number(r[0])]!.push(String(r[2]));
  const raw = REGISTER_COLUMNS.map((c) =>
    encodeValue(c, register[c.name as keyof GlRegisterRow], "glRegister"),
  );
  register.hash = hashOf(previousHash, registerText(raw), ledgers);
  return ledgers.map((l) => l.length);
}

/** One ledger read in entry order, a row at a time, so a whole company's entries are never all in memory. */
class LedgerCursor {
  private pending: SqlValue[] | undefined;
  private readonly rows: Iterator<SqlValue[]>;
  count = 0;

  constructor(db: Database, sql: string) {
    this.rows = db.iterate(sql);
    this.pending = this.pull();
  }

  private pull(): SqlValue[] | undefined {
    const next = this.rows.next();
    return next.done ? undefined : next.value;
  }

  /** The texts of the rows numbered up to `mark`. */
  takeUpTo(mark: number): string[] {
    const out: string[] = [];
    while (this.pending && Number(this.pending[0]) <= mark) {
      out.push(String(this.pending[1]));
      this.count++;
      this.pending = this.pull();
    }
    return out;
  }

  get next(): number | undefined {
    return this.pending ? Number(this.pending[0]) : undefined;
  }

  remaining(): number {
    let n = 0;
    while (this.pending) {
      n++;
      this.pending = this.pull();
    }
    return n;
  }
}

export interface ChainProblem {
  registerNo?: number;
  message: string;
}

export interface ChainResult {
  registers: number;
  entries: number;
  problems: ChainProblem[];
  /** The last register's hash: a value to note down elsewhere, since anyone could rebuild the chain. */
  lastHash: string;
}

const LEDGER_NAMES: Record<string, string> = {
  glEntry: "G/L",
  vatEntry: "VAT",
  custLedgerEntry: "customer ledger",
  detailedCustLedgEntry: "detailed customer ledger",
  itemLedgerEntry: "item ledger",
  valueEntry: "value",
  itemApplicationEntry: "item application",
};

/** Recomputes every register's hash from the entries it covers; names each register that does not match. */
export function verifyChain(db: Database): ChainResult {
  const names = ["hash", ...REGISTER_COLUMNS.map((c) => c.name)];
  const markIndex = CHAINED_LEDGERS.map(({ mark }) => names.indexOf(mark));
  const registers = db.iterate(
    `SELECT ${names.map((n) => `"${n}"`).join(", ")} FROM "glRegister" ORDER BY "no"`,
  );
  const cursors = ALL_SQL.map((sql) => new LedgerCursor(db, sql));
  const problems: ChainProblem[] = [];
  let marks: Marks = CHAINED_LEDGERS.map(() => 0);
  let previousHash = "";
  let count = 0;
  for (const r of registers) {
    count++;
    const no = Number(r[1]);
    if (no !== count) {
      problems.push({
        registerNo: no,
        message: `G/L register ${no} follows register ${count - 1}: ${no > count ? "registers are missing" : "the numbering is broken"}.`,
      });
    }
    const next = marks.map((m, i) => Math.max(m, Number(r[markIndex[i]!] ?? 0)));
    const ledgers = cursors.map((c, i) => c.takeUpTo(next[i]!));
    const hash = hashOf(previousHash, registerText(r.slice(1)), ledgers);
    if (hash !== r[0]) {
      const ranges = CHAINED_LEDGERS.flatMap(({ table }, i) =>
        next[i]! > marks[i]! ? [`${LEDGER_NAMES[table]} entries ${marks[i]! + 1}–${next[i]!}`] : [],
      );
      problems.push({
        registerNo: no,
        message: `G/L register ${no} does not match the entries it covers${ranges.length > 0 ? ` (${ranges.join(", ")})` : ""}: an entry or the register was changed, added or deleted outside Ledgerpane.`,
      });
    }
    previousHash = String(r[0]);
    marks = next;
  }
  CHAINED_LEDGERS.forEach(({ table }, i) => {
    const from = cursors[i]!.next;
    const extra = cursors[i]!.remaining();
    if (extra > 0) {
      problems.push({
        message: `${extra} ${LEDGER_NAMES[table]} entries from entry No. ${from} on are covered by no G/L register: they were added outside Ledgerpane (or their register was deleted).`,
      });
    }
  });
  return {
    registers: count,
    entries: cursors.reduce((n, c) => n + c.count, 0),
    problems,
    lastHash: previousHash,
  };
}

/**
 * Migration 2: registers written before the chain get their marks and hashes. Older registers did not
 * record which item, value or customer entries they wrote, so the last one covers all of them; if
 * entries exist with no register at all (item journals without cost posting), one register seals them.
 */
export function sealExistingRegisters(db: Database, creationDate: string | null): void {
  const regs = db.all(`SELECT "no" FROM "glRegister" ORDER BY "no"`).map((r) => Number(r[0]));
  const now = currentMarks(db);
  const last = regs[regs.length - 1];
  if (last !== undefined) {
    db.run(
      `UPDATE "glRegister" SET "toCustLedgerEntryNo" = ?, "toDetailedCustLedgEntryNo" = ?, "toItemLedgerEntryNo" = ?, "toValueEntryNo" = ?, "toItemApplicationEntryNo" = ? WHERE "no" = ?`,
      [now[2]!, now[3]!, now[4]!, now[5]!, now[6]!, last],
    );
  }
  const names = REGISTER_COLUMNS.map((c) => c.name);
  const markIndex = CHAINED_LEDGERS.map(({ mark }) => names.indexOf(mark));
  const cursors = ALL_SQL.map((sql) => new LedgerCursor(db, sql));
  let marks: Marks = CHAINED_LEDGERS.map(() => 0);
  let previousHash = "";
  for (const no of regs) {
    const r = db.all(`SELECT ${names.map((n) => `"${n}"`).join(", ")} FROM "glRegister" WHERE "no" = ?`, [
      no,
    ])[0]!;
    const next = marks.map((m, i) => Math.max(m, Number(r[markIndex[i]!] ?? 0)));
    const hash = hashOf(
      previousHash,
      registerText(r),
      cursors.map((c, i) => c.takeUpTo(next[i]!)),
    );
    db.run(`UPDATE "glRegister" SET "hash" = ? WHERE "no" = ?`, [hash, no]);
    previousHash = hash;
    marks = next;
  }
  if (marks.some((m, i) => now[i]! > m)) {
    // G/L entries beyond every register could not have been written by a Ledgerpane posting; the
    // sealing register takes them on rather than leave them outside the chain.
    const register: GlRegisterRow = {
      no: (last ?? 0) + 1,
      fromEntryNo: now[0]! > marks[0]! ? marks[0]! + 1 : 0,
      toEntryNo: now[0]! > marks[0]! ? now[0]! : 0,
      fromVatEntryNo: now[1]! > marks[1]! ? marks[1]! + 1 : 0,
      toVatEntryNo: now[1]! > marks[1]! ? now[1]! : 0,
      creationDate,
      sourceCode: "",
      journalBatchName: "",
      toCustLedgerEntryNo: 0,
      toDetailedCustLedgEntryNo: 0,
      toItemLedgerEntryNo: 0,
      toValueEntryNo: 0,
      toItemApplicationEntryNo: 0,
      hash: "",
    };
    sealRegister(db, register, marks);
    const raw = [...REGISTER_COLUMNS, tableDef("glRegister")!.columns.find((c) => c.name === "hash")!];
    db.run(
      `INSERT INTO "glRegister" (${raw.map((c) => `"${c.name}"`).join(", ")}) VALUES (${raw.map(() => "?").join(", ")})`,
      raw.map((c) => encodeValue(c, register[c.name as keyof GlRegisterRow], "glRegister")),
    );
  }
}
