/**
 * npm run bench [-- --json] [-- --invoices N] [-- --sample N] [-- --no-addin]
 *
 * Posts N (default 10,000) five-line sales invoices on the standard company and reports:
 * - invoicesPerSec, p50Ms, p99Ms: create + post one invoice through `dispatch` (the host's path);
 * - replayRatio: the engine's own SQL for a sample of invoices, replayed bare on a copy of the database
 *   as it was before the sample, divided by the engine's time for the same invoices (1.0 would mean
 *   the engine spends all its time in SQLite; the target is ≥ 0.5);
 * - exportMsPerMiB, reopenMsPerMiB: engine.export() and reopening those bytes, per MiB of database;
 * - baseline: bare sql.js inserts per second measured in the same run, so figures from different
 *   machines can be compared as ratios (invoicesPerKRows = invoices per 1,000 baseline row inserts);
 * - addin: figures of bench/addin.ts's runAddinBench() when that file exists (with --invoices N it is
 *   asked for N sheet lines and N stored invoices; --no-addin skips it).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import type { Database as SqlJsDatabase, SqlJsStatic, Statement } from "sql.js";
import { Engine } from "../engine/api/index.js";
import type { SqlValue } from "../engine/db/codec.js";
import { loadSqlJs } from "../engine/db/sqljs.js";
import { parseScenarioFile } from "../engine/scenario/index.js";

interface Args {
  invoices: number;
  invoicesGiven: boolean;
  addin: boolean;
  sample: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { invoices: 10_000, invoicesGiven: false, addin: true, sample: 0, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (name: string): number => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} takes a whole number ≥ 1`);
      return n;
    };
    if (a === "--json") args.json = true;
    else if (a === "--no-addin") args.addin = false;
    else if (a.startsWith("--invoices")) {
      args.invoices = num("--invoices");
      args.invoicesGiven = true;
    } else if (a.startsWith("--sample")) args.sample = num("--sample");
    else
      throw new Error(
        `unknown option ${a}; usage: npm run bench -- [--json] [--invoices N] [--sample N] [--no-addin]`,
      );
  }
  if (args.sample === 0) args.sample = Math.max(1, Math.min(500, Math.floor(args.invoices / 10)));
  args.sample = Math.min(args.sample, args.invoices);
  return args;
}

const log = (args: Args, text: string): void => {
  if (!args.json) console.log(text);
  else console.error(text);
};

function call(engine: Engine, command: string, input: unknown): unknown {
  const r = engine.dispatch({ do: command, with: input });
  if (!r.ok) throw new Error(`${command} failed: ${r.error.message}`);
  return r.result;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const median = (xs: readonly number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** The standard company: the fixture's own steps, run as the scenario runner would run them. */
async function setUpCompany(engine: Engine): Promise<void> {
  const path = new URL("../test/scenarios/fixtures/standard.json", import.meta.url);
  const file = parseScenarioFile(JSON.parse(await readFile(path, "utf8")), path.pathname, true);
  for (const step of file.steps) if (step.kind === "do") call(engine, step.command, step.with);
}

const ITEMS = ["1000", "1001", "1002"];
const CUSTOMERS = ["C10000", "C20000", "C30000"];

function invoiceInput(i: number): unknown {
  return {
    documentType: "Invoice",
    sellToCustomerNo: CUSTOMERS[i % CUSTOMERS.length],
    postingDate: "2025-01-15",
    documentDate: "2025-01-15",
    lines: Array.from({ length: 5 }, (_, k) => ({
      type: "Item",
      no: ITEMS[(i + k) % ITEMS.length],
      quantity: 1 + ((i + k) % 3),
    })),
  };
}

function postInvoice(engine: Engine, i: number): void {
  const created = call(engine, "createSalesDocument", invoiceInput(i)) as { no: string };
  call(engine, "postSalesDocument", { documentType: "Invoice", no: created.no });
}

interface Recorded {
  sql: string;
  params: SqlValue[];
}

const CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * Replays recorded statements bare on `raw`: prepared once (warm, like the engine's cache), every row
 * of every result stepped through and fetched (as plain numbers: the cheapest way sql.js offers). Top-level transactions become savepoints inside one
 * outer transaction that is rolled back at the end. Returns milliseconds spent.
 */
function replay(raw: SqlJsDatabase, recorded: readonly Recorded[]): number {
  const cache = new Map<string, Statement>();
  const exec = (sql: string) => raw.exec(sql);
  const plan = recorded.map((r) => {
    const sql = r.sql.trim();
    if (CONTROL.test(sql)) {
      const upper = sql.toUpperCase();
      if (upper.startsWith("BEGIN")) return { control: "SAVEPOINT bench_tx" };
      if (upper.startsWith("COMMIT") || upper.startsWith("END")) return { control: "RELEASE bench_tx" };
      if (upper.startsWith("ROLLBACK") && !upper.includes(" TO "))
        return { control: "ROLLBACK TO bench_tx; RELEASE bench_tx" };
      return { control: sql };
    }
    if (sql.replace(/;\s*$/, "").includes(";") || /^PRAGMA/i.test(sql)) return { control: sql };
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = raw.prepare(sql);
      cache.set(sql, stmt);
    }
    return { stmt, params: r.params };
  });
  exec("BEGIN");
  const t0 = performance.now();
  try {
    for (const p of plan) {
      if ("control" in p) {
        exec(p.control!);
        continue;
      }
      const s = p.stmt;
      s.bind(p.params as never);
      while (s.step()) s.get();
      s.reset();
    }
    return performance.now() - t0;
  } finally {
    exec("ROLLBACK");
    for (const s of cache.values()) s.free();
  }
}

/** A statement in one readable line: long column lists folded to "…", so the WHERE clause shows. */
function shortSql(sql: string): string {
  return sql
    .replace(/\s+/g, " ")
    .replace(/^SELECT (.{40,}?) FROM /i, "SELECT … FROM ")
    .replace(/^INSERT INTO ("\w+") \(.*?\) VALUES \(.*?\)/i, "INSERT INTO $1 (…)")
    .slice(0, 200);
}

/** Where the bare SQL time goes: per statement text, how often it ran and its total time (one more replay). */
function profile(
  raw: SqlJsDatabase,
  recorded: readonly Recorded[],
): { sql: string; count: number; ms: number }[] {
  const by = new Map<string, { sql: string; count: number; ms: number }>();
  const cache = new Map<string, Statement>();
  raw.exec("BEGIN");
  try {
    for (const r of recorded) {
      const sql = r.sql.trim();
      if (CONTROL.test(sql) || sql.replace(/;\s*$/, "").includes(";") || /^PRAGMA/i.test(sql)) continue;
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = raw.prepare(sql);
        cache.set(sql, stmt);
      }
      const t0 = performance.now();
      stmt.bind(r.params as never);
      while (stmt.step()) stmt.get();
      stmt.reset();
      const entry = by.get(sql) ?? { sql, count: 0, ms: 0 };
      entry.count++;
      entry.ms += performance.now() - t0;
      by.set(sql, entry);
    }
  } finally {
    raw.exec("ROLLBACK");
    for (const st of cache.values()) st.free();
  }
  return [...by.values()].sort((a, b) => b.ms - a.ms);
}

/** Bare sql.js: rows per second inserted with one prepared statement in one transaction. */
function baselineInsertsPerSec(SQL: SqlJsStatic): number {
  const db = new SQL.Database();
  db.exec(
    "PRAGMA journal_mode=MEMORY; CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c INTEGER, d INTEGER, e TEXT, f INTEGER)",
  );
  const rows = 50_000;
  const stmt = db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)");
  const t0 = performance.now();
  db.exec("BEGIN");
  for (let i = 1; i <= rows; i++) {
    stmt.bind([i, `DOC${i}`, i * 100, -i * 100, "2025-01-15", i % 7]);
    stmt.step();
    stmt.reset();
  }
  db.exec("COMMIT");
  const ms = performance.now() - t0;
  stmt.free();
  db.close();
  return rows / (ms / 1000);
}

async function addinFigures(args: Args): Promise<unknown> {
  const file = new URL("./addin.ts", import.meta.url);
  if (!args.addin) return { skipped: "--no-addin" };
  if (!existsSync(file)) return { skipped: "bench/addin.ts does not exist yet" };
  try {
    const mod = (await import(file.href)) as {
      runAddinBench?: (options: { lines?: number; invoices?: number }) => unknown;
    };
    if (typeof mod.runAddinBench !== "function")
      return { skipped: "bench/addin.ts exports no runAddinBench()" };
    // A shorter run (--invoices N) asks the add-in bench for N sheet lines and N stored invoices too.
    const size = args.invoicesGiven ? { lines: args.invoices, invoices: args.invoices } : {};
    return await mod.runAddinBench(size);
  } catch (e) {
    log(args, `add-in bench failed: ${e instanceof Error ? e.message : String(e)}`);
    return { failed: e instanceof Error ? e.message : String(e) };
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const SQL = await loadSqlJs();
  // The baseline is taken three times before and twice after the run; noise only ever slows a run
  // down, so the fastest is the best estimate of what this machine can do.
  const baselineRuns = [0, 1, 2].map(() => baselineInsertsPerSec(SQL));

  const engine = await Engine.create({ sqlJs: SQL, workDate: "2025-01-15" });
  await setUpCompany(engine);
  const stock = args.invoices * 5 + 100; // at most 3 per line, items rotate over 5 lines: ample
  call(engine, "postItemJournal", {
    lines: ITEMS.map((itemNo) => ({
      entryType: "Positive Adjmt.",
      itemNo,
      quantity: stock,
      unitCost: "10.00",
      postingDate: "2025-01-02",
    })),
  });
  log(args, `posting ${args.invoices} five-line invoices…`);

  // The replay sample sits in the middle of the run (warm engine, a database of realistic size).
  const sampleFrom = Math.floor((args.invoices - args.sample) / 2);
  const sampleTo = sampleFrom + args.sample;
  const warmUp = Math.min(100, Math.floor(args.invoices / 20));
  const times: number[] = [];
  const recorded: Recorded[] = [];
  let beforeSample: Uint8Array | undefined;
  let sampleEngineMs = 0;
  const started = performance.now();
  for (let i = 0; i < args.invoices; i++) {
    if (i === sampleFrom) {
      beforeSample = engine.export();
      engine.db.listener = (sql, params) => recorded.push({ sql, params: params.slice() });
    }
    const t0 = performance.now();
    postInvoice(engine, i);
    const ms = performance.now() - t0;
    if (i >= sampleFrom && i < sampleTo) sampleEngineMs += ms;
    if (i + 1 === sampleTo) engine.db.listener = undefined;
    times.push(ms);
    if (!args.json && (i + 1) % 1000 === 0) process.stdout.write(`  ${i + 1}\n`);
  }
  const totalMs = performance.now() - started;
  const measured = times.slice(warmUp);
  const sorted = [...measured].sort((a, b) => a - b);
  const invoicesPerSec = measured.length / (measured.reduce((a, b) => a + b, 0) / 1000);

  // Replay the sample on a copy of the database as it was before the sample.
  const copy = new SQL.Database(beforeSample);
  copy.exec("PRAGMA journal_mode=MEMORY; PRAGMA foreign_keys=OFF;");
  const replayMs = median([replay(copy, recorded), replay(copy, recorded), replay(copy, recorded)]);
  const top = profile(copy, recorded)
    .slice(0, 8)
    .map((t) => ({
      sql: shortSql(t.sql),
      perInvoice: round(t.count / args.sample, 1),
      msPerInvoice: round(t.ms / args.sample),
    }));
  copy.close();

  // Export and reopen, per MiB.
  const exportRuns: number[] = [];
  let bytes: Uint8Array = new Uint8Array(0);
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    bytes = engine.export();
    exportRuns.push(performance.now() - t0);
  }
  const mib = bytes.length / (1024 * 1024);
  const reopenRuns: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const again = await Engine.create({ sqlJs: SQL, bytes, workDate: "2025-01-15" });
    reopenRuns.push(performance.now() - t0);
    again.close();
  }
  baselineRuns.push(baselineInsertsPerSec(SQL), baselineInsertsPerSec(SQL));
  const baseline = Math.max(...baselineRuns);
  const count = (table: string) => Number(engine.db.all(`SELECT COUNT(*) FROM "${table}"`)[0]![0]);
  const figures = {
    invoicesPerSec: round(invoicesPerSec, 1),
    replayRatio: round(replayMs / sampleEngineMs),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    exportMsPerMiB: round(median(exportRuns) / mib),
    reopenMsPerMiB: round(median(reopenRuns) / mib),
    invoices: args.invoices,
    warmUpInvoices: warmUp,
    totalSeconds: round(totalMs / 1000, 2),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    databaseMiB: round(mib, 2),
    rows: {
      glEntry: count("glEntry"),
      valueEntry: count("valueEntry"),
      itemLedgerEntry: count("itemLedgerEntry"),
      salesInvoiceLine: count("salesInvoiceLine"),
    },
    replay: {
      sampleInvoices: args.sample,
      statements: recorded.length,
      statementsPerInvoice: round(recorded.length / args.sample, 1),
      engineMs: round(sampleEngineMs, 1),
      replayMs: round(replayMs, 1),
      top,
    },
    exportMs: round(median(exportRuns), 1),
    reopenMs: round(median(reopenRuns), 1),
    baseline: {
      sqliteInsertsPerSec: Math.round(baseline),
      invoicesPerKRows: round((invoicesPerSec / baseline) * 1000),
    },
    addin: await addinFigures(args),
    node: process.version,
  };
  engine.close();

  if (args.json) {
    console.log(JSON.stringify(figures));
    return;
  }
  console.log(`
invoices posted          ${figures.invoices} (first ${warmUp} not counted: warm-up) in ${figures.totalSeconds} s
invoices per second      ${figures.invoicesPerSec}
per invoice p50 / p99    ${figures.p50Ms} ms / ${figures.p99Ms} ms (max ${figures.maxMs} ms)
replay ratio             ${figures.replayRatio} (bare SQL ${figures.replay.replayMs} ms / engine ${figures.replay.engineMs} ms for ${args.sample} invoices, ${figures.replay.statementsPerInvoice} statements each)
database                 ${figures.databaseMiB} MiB; ${figures.rows.glEntry} G/L entries, ${figures.rows.valueEntry} value entries
export / reopen          ${figures.exportMsPerMiB} / ${figures.reopenMsPerMiB} ms per MiB
baseline (same run)      ${figures.baseline.sqliteInsertsPerSec} bare sql.js inserts/s → ${figures.baseline.invoicesPerKRows} invoices per 1,000 baseline inserts
add-in                   ${JSON.stringify(figures.addin)}

bare SQL time per invoice by statement (top 8):
${top.map((t) => `  ${t.msPerInvoice.toFixed(3).padStart(7)} ms  ${String(t.perInvoice).padStart(5)}×  ${t.sql}`).join("\n")}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
