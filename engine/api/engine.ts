import type { SqlJsStatic } from "sql.js";
import type { Database } from "../db/database.js";
import { createDatabase, openDatabase } from "../db/open.js";
import { Repo } from "../db/repo.js";
import { loadSqlJs } from "../db/sqljs.js";
import { isIsoDate, type IsoDate } from "../kernel/dates.js";
import { LedgerpaneError, type ErrorDetail } from "../kernel/errors.js";
import { describeValue, shortText } from "../kernel/text.js";
import { changedBooksMessage, verifyBooks, type VerifyBooksResult } from "../audit/verifyBooks.js";
import { COMMANDS } from "./commands.js";
import type { Ctx } from "./context.js";
import { asObject } from "./input.js";
import { toJsonValue } from "./json.js";
import type { ReadResult } from "../queries/read.js";

export interface EngineOptions {
  /** The bytes of an existing company database; omitted for a new, empty company. */
  bytes?: Uint8Array | ArrayBuffer;
  /** An initialised sql.js (hosts that serve the wasm themselves); loaded on demand otherwise. */
  sqlJs?: SqlJsStatic;
  workDate?: IsoDate;
  /**
   * Open books that fail verification (changed outside Ledgerpane) anyway, for inspection: the engine
   * then carries the verification in `changedBooks`. Without it such books are refused.
   */
  acceptChanged?: boolean;
}

export interface CommandRequest {
  do: string;
  with?: unknown;
}

export type CommandResponse =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; details: ErrorDetail[] } };

function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The engine behind one command API. `dispatch` takes and returns plain JSON (for a worker, a CLI or
 * a scenario file); `run` is the same call for TypeScript callers and throws LedgerpaneError.
 */
export class Engine {
  readonly repo: Repo;
  private readonly ctx: Ctx;
  /** Bumped by every command that committed a change: hosts persist when it moves. */
  changeCount = 0;
  /** What opening put right (append-only triggers recreated), for the host to show. */
  readonly openNotices: readonly string[];
  /** Set when books that failed verification were opened with `acceptChanged`. */
  changedBooks: VerifyBooksResult | undefined;

  private constructor(
    readonly db: Database,
    workDate: IsoDate,
  ) {
    this.repo = new Repo(db);
    this.ctx = { db, repo: this.repo, workDate, warnings: [], warningDetails: [] };
    this.openNotices = [...db.openNotices];
  }

  static async create(options: EngineOptions = {}): Promise<Engine> {
    const SQL = options.sqlJs ?? (await loadSqlJs());
    return Engine.createSync(SQL, options);
  }

  static createSync(SQL: SqlJsStatic, options: Omit<EngineOptions, "sqlJs"> = {}): Engine {
    const workDate = options.workDate ?? today();
    if (!isIsoDate(workDate)) throw new LedgerpaneError("input", `'${workDate}' is not a date (YYYY-MM-DD).`);
    if (options.bytes === undefined) return new Engine(createDatabase(SQL), workDate);
    const db = openDatabase(SQL, asBytes(options.bytes));
    let books: VerifyBooksResult;
    try {
      books = verifyBooks(db);
    } catch (e) {
      db.close();
      throw e;
    }
    if (!books.ok && !options.acceptChanged) {
      db.close();
      throw new LedgerpaneError(
        "database",
        changedBooksMessage(books),
        books.problems.slice(0, 20).map((p) => ({
          message: p.message,
          ...(p.registerNo !== undefined ? { table: "glRegister", key: { no: String(p.registerNo) } } : {}),
        })),
      );
    }
    const engine = new Engine(db, workDate);
    if (!books.ok) engine.changedBooks = books;
    return engine;
  }

  get workDate(): IsoDate {
    return this.ctx.workDate;
  }

  set workDate(d: IsoDate) {
    if (!isIsoDate(d)) throw new LedgerpaneError("input", `'${d}' is not a date (YYYY-MM-DD).`);
    this.ctx.workDate = d;
  }

  /** Runs one command; all of it commits or none of it does. Returns engine values (decimals as Decimal). */
  run(command: string, input: unknown = {}): unknown {
    const def = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!def) {
      const known = Object.keys(COMMANDS).sort().join(", ");
      const message = `Unknown command '${shortText(String(command))}'. Known commands: ${known}.`;
      throw new LedgerpaneError("input", message, [{ message, field: "do" }]);
    }
    const obj = asObject(input ?? {}, `${command}: the input`, "with");
    this.ctx.warnings = [];
    this.ctx.warningDetails = [];
    if (def.readOnly) return def.run(this.ctx, obj);
    try {
      if (def.ownTransaction) {
        try {
          return def.run(this.ctx, obj);
        } finally {
          // A command that manages its own transaction (preview) may have rolled back what it read.
          this.repo.clearCache();
        }
      }
      const result = this.db.transaction(() => def.run(this.ctx, obj));
      this.changeCount++;
      return result;
    } catch (e) {
      // Set-up rows read or changed inside a rolled-back transaction must not outlive it.
      this.repo.clearCache();
      throw e;
    }
  }

  /** JSON in, JSON out; never throws. */
  dispatch(request: unknown): CommandResponse {
    try {
      const req = asObject(request, "A command request", "do");
      if (typeof req.do !== "string")
        throw new LedgerpaneError("input", "A command request needs 'do': the command name.", [
          { message: "A command request needs 'do': the command name.", field: "do" },
        ]);
      const result = this.run(req.do, req.with ?? {});
      return { ok: true, result: serialize(result) };
    } catch (e) {
      return { ok: false, error: errorToJson(e) };
    }
  }

  export(): Uint8Array {
    return this.db.export();
  }

  close(): void {
    this.db.close();
  }
}

/** Bytes as hosts hand them over (a worker message, a file read); anything else is refused by name. */
function asBytes(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new LedgerpaneError(
    "database",
    `A company database is opened from bytes (a Uint8Array or ArrayBuffer), not from ${describeValue(bytes)}.`,
  );
}

function serialize(result: unknown): unknown {
  // A read answers { rows }; read results nested deeper (preview entries) become plain row lists.
  if (result && typeof result === "object" && "columns" in result && "rows" in result) {
    return { rows: toJsonValue(result as ReadResult) };
  }
  return toJsonValue(result);
}

export function errorToJson(e: unknown): { code: string; message: string; details: ErrorDetail[] } {
  if (e instanceof LedgerpaneError) return { code: e.code, message: e.message, details: e.details };
  const message = e instanceof Error ? e.message : String(e);
  // SQLite's own refusals (append-only triggers, constraints) reach users as database errors.
  return { code: "internal", message, details: [{ message }] };
}
