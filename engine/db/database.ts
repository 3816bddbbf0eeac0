import type { Database as SqlJsDatabase, SqlJsStatic, Statement } from "sql.js";
import { LedgerpaneError } from "../kernel/errors.js";
import type { SqlValue } from "./codec.js";

export type StatementListener = (sql: string, params: readonly SqlValue[]) => void;

/**
 * The only code that talks to sql.js. Statements are prepared once and cached; every write runs
 * inside `transaction`, which is synchronous so no other message can interleave with a posting.
 */
export class Database {
  private readonly statements = new Map<string, Statement>();
  private depth = 0;
  private savepointSeq = 0;
  /** What opening the file found and put right (recreated triggers), for the host to show. */
  readonly openNotices: string[] = [];
  /** Set by the bench to record the engine's SQL for a bare replay. */
  listener: StatementListener | undefined;

  constructor(
    readonly sql: SqlJsStatic,
    readonly raw: SqlJsDatabase,
  ) {
    // Connection settings do not survive a reopen, so they are applied to every connection:
    // - MEMORY journal keeps rollback data in the wasm heap (there is no disk to journal to);
    // - EXCLUSIVE locking: nobody else shares this in-memory file, and without it every statement
    //   outside a transaction re-reads the file header through the emulated file system (~10 µs);
    // - synchronous OFF: an fsync of the emulated file is a no-op; durability is the host's save;
    // - auto_vacuum FULL (takes effect in a new file; openDatabase converts older ones): SQLite does
    //   not journal a free-list page it reuses, so with free pages at rest a rolled-back command
    //   would leave its data in them and change the exported bytes. With no free pages between
    //   commands, a rollback restores the file byte for byte.
    raw.exec(
      "PRAGMA auto_vacuum=FULL; PRAGMA journal_mode=MEMORY; PRAGMA foreign_keys=OFF; PRAGMA locking_mode=EXCLUSIVE; PRAGMA synchronous=OFF;",
    );
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  run(sql: string, params: readonly SqlValue[] = []): void {
    this.listener?.(sql, params);
    const s = this.stmt(sql);
    try {
      s.bind(params as SqlValue[] as never);
      s.step();
    } finally {
      s.reset();
    }
  }

  /** Rows as arrays of raw values, integers as bigint so nothing passes through a float. */
  all(sql: string, params: readonly SqlValue[] = []): SqlValue[][] {
    this.listener?.(sql, params);
    const s = this.stmt(sql);
    try {
      return [...exactRows(s, params)];
    } finally {
      s.reset();
    }
  }

  /**
   * Rows one at a time from a statement of its own, for reads too large to hold at once (the register
   * chain check). Integers come back as in `all`.
   */
  *iterate(sql: string, params: readonly SqlValue[] = []): Generator<SqlValue[]> {
    const s = this.raw.prepare(sql);
    try {
      yield* exactRows(s, params);
    } finally {
      s.free();
    }
  }

  columnNames(sql: string): string[] {
    return this.stmt(sql).getColumnNames();
  }

  exec(sql: string): void {
    this.listener?.(sql, []);
    this.raw.exec(sql);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** All of fn or none of it. Nested calls become savepoints of the outer transaction. */
  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return this.savepoint(fn);
    this.run("BEGIN IMMEDIATE");
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.run("COMMIT");
      return result;
    } catch (e) {
      this.depth--;
      this.run("ROLLBACK");
      throw e;
    }
  }

  savepoint<T>(fn: () => T): T {
    const name = `sp${++this.savepointSeq}`;
    this.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.depth--;
      this.exec(`RELEASE ${name}`);
      return result;
    } catch (e) {
      this.depth--;
      this.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    }
  }

  /** Runs fn and always rolls back: the basis of preview. */
  rollbackAfter<T>(fn: () => T): T {
    const outer = this.depth === 0;
    const name = `sp${++this.savepointSeq}`;
    this.exec(outer ? "BEGIN IMMEDIATE" : `SAVEPOINT ${name}`);
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      this.exec(outer ? "ROLLBACK" : `ROLLBACK TO ${name}; RELEASE ${name}`);
    }
  }

  export(): Uint8Array {
    if (this.depth > 0) throw new LedgerpaneError("internal", "Cannot export inside an open transaction.");
    const bytes = this.raw.export();
    // export() can reset connection pragmas in some sql.js versions; keep the journal where we want it.
    this.raw.exec("PRAGMA journal_mode=MEMORY;");
    return bytes;
  }

  close(): void {
    for (const s of this.statements.values()) s.free();
    this.statements.clear();
    this.raw.close();
  }
}

/**
 * The rows of a bound statement. Integers come back as numbers, exact up to 2^53; a row holding a
 * larger one is read again with bigints (sql.js ≥ 1.8 useBigInt, missing from @types/sql.js) so
 * nothing is rounded.
 */
function* exactRows(s: Statement, params: readonly SqlValue[]): Generator<SqlValue[]> {
  s.bind(params as SqlValue[] as never);
  const get = s.get.bind(s) as unknown as (p: null, o?: { useBigInt: boolean }) => SqlValue[];
  while (s.step()) {
    const row = get(null);
    yield row.some((v) => typeof v === "number" && !Number.isSafeInteger(v))
      ? get(null, { useBigInt: true })
      : row;
  }
}
