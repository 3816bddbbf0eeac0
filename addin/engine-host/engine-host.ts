import type { SqlJsStatic } from "sql.js";
import { Engine } from "../../engine/api/index.js";
import { StoredCopyError, decodeDatabase, encodeDatabase, type EncodedDatabase } from "../storage/codec.js";
import { demoDataCommands, setupCommands } from "./company-setup.js";
import type {
  BatchResult,
  CommandRequest,
  CommandResponse,
  CreateResult,
  EngineApi,
  OpenInput,
  ProgressListener,
  OpenResult,
} from "./protocol.js";

/** PRAGMA application_id of a Ledgerpane database ("LPNE"), as the engine writes it. */
const APPLICATION_ID = 0x4c504e45;

/**
 * The engine side of the pane: holds the open company, runs command batches, and packs or unpacks
 * the database for the workbook. Runs inside the Web Worker so that posting and gzip never block
 * Excel; in Node it runs in-process with the same code.
 */
export class EngineHost implements EngineApi {
  private engine: Engine | null = null;
  private latestSchema: number | null = null;

  constructor(
    private readonly SQL: SqlJsStatic,
    private readonly onProgress: ProgressListener = () => {},
  ) {}

  private require(): Engine {
    if (!this.engine) throw new Error("No company is open.");
    return this.engine;
  }

  async create(options: { demo: boolean; workDate?: string }): Promise<CreateResult> {
    this.engine?.close();
    const engine = await Engine.create({
      sqlJs: this.SQL,
      ...(options.workDate ? { workDate: options.workDate } : {}),
    });
    this.engine = engine;
    const warnings: string[] = [];
    const commands = [...setupCommands(), ...(options.demo ? demoDataCommands() : [])];
    const result = this.runAll(commands, "Setting up the company");
    result.responses.forEach((r, i) => {
      if (!r.ok) warnings.push(`${commands[i]!.do} ${describe(commands[i]!)}: ${r.error.message}`);
    });
    return { warnings };
  }

  async open(input: OpenInput): Promise<OpenResult> {
    const supported = await this.schemaVersion();
    if (input.schemaVersion > supported)
      throw new StoredCopyError(
        "newer",
        `it was saved by a newer Ledgerpane (database schema ${input.schemaVersion}; this version reads up to ${supported})`,
      );
    const bytes = await decodeDatabase(input.chunks, input);
    const header = this.inspect(bytes);
    if (header.applicationId !== APPLICATION_ID)
      throw new StoredCopyError("foreign", "it is not a Ledgerpane database");
    if (header.userVersion > supported)
      throw new StoredCopyError(
        "newer",
        `it was saved by a newer Ledgerpane (database schema ${header.userVersion}; this version reads up to ${supported})`,
      );
    if (header.integrity !== "ok")
      throw new StoredCopyError("integrity", `SQLite's integrity check failed: ${header.integrity}`);
    let engine: Engine;
    try {
      engine = await Engine.create({
        sqlJs: this.SQL,
        bytes,
        ...(input.workDate ? { workDate: input.workDate } : {}),
      });
    } catch (e) {
      throw new StoredCopyError("integrity", (e as Error).message);
    }
    this.engine?.close();
    this.engine = engine;
    const notices = [...engine.openNotices];
    const upgraded = header.userVersion < supported || notices.length > 0;
    if (header.userVersion < supported)
      notices.push(
        `These books were written by an earlier Ledgerpane (schema ${header.userVersion}); they were upgraded to schema ${supported} and are saved that way now.`,
      );
    return { notices, upgraded };
  }

  async dispatch(commands: CommandRequest[], label = "Working"): Promise<BatchResult> {
    return this.runAll(commands, label);
  }

  async encode(chunkChars?: number): Promise<EncodedDatabase> {
    const bytes = this.require().export();
    return encodeDatabase(bytes, this.inspect(bytes, false).userVersion, chunkChars);
  }

  async schemaVersion(): Promise<number> {
    if (this.latestSchema === null) {
      const probe = await Engine.create({ sqlJs: this.SQL });
      this.latestSchema = this.inspect(probe.export(), false).userVersion;
      probe.close();
    }
    return this.latestSchema;
  }

  async close(): Promise<void> {
    this.engine?.close();
    this.engine = null;
  }

  private runAll(commands: CommandRequest[], label: string): BatchResult {
    const engine = this.require();
    const before = engine.changeCount;
    const responses: CommandResponse[] = [];
    const every = Math.max(1, Math.floor(commands.length / 50));
    commands.forEach((c, i) => {
      responses.push(engine.dispatch(c) as CommandResponse);
      if (commands.length > 1 && (i + 1) % every === 0) this.onProgress(label, i + 1, commands.length);
    });
    return { responses, changed: engine.changeCount !== before };
  }

  private inspect(
    bytes: Uint8Array,
    checkIntegrity = true,
  ): { applicationId: number; userVersion: number; integrity: string } {
    let db;
    try {
      db = new this.SQL.Database(bytes);
    } catch (e) {
      throw new StoredCopyError("integrity", `SQLite cannot read it (${(e as Error).message})`);
    }
    try {
      const one = (sql: string) => db.exec(sql)[0]?.values[0]?.[0];
      const applicationId = Number(one("PRAGMA application_id") ?? 0);
      const userVersion = Number(one("PRAGMA user_version") ?? 0);
      const integrity = checkIntegrity ? String(one("PRAGMA integrity_check") ?? "no answer") : "ok";
      return { applicationId, userVersion, integrity };
    } catch (e) {
      throw new StoredCopyError("integrity", `SQLite cannot read it (${(e as Error).message})`);
    } finally {
      db.close();
    }
  }
}

function describe(c: CommandRequest): string {
  const w = c.with as { table?: unknown } | undefined;
  return typeof w?.table === "string" ? w.table : "";
}
