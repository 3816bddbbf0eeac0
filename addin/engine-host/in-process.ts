import initSqlJs from "sql.js";
import { EngineHost } from "./engine-host.js";
import type { ProgressListener } from "./protocol.js";

/** The engine host without a worker, for Node (tests and bench): sql.js finds its wasm on disk. */
export async function createInProcessEngine(onProgress?: ProgressListener): Promise<EngineHost> {
  return new EngineHost(await initSqlJs(), onProgress);
}
