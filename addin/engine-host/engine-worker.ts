import initSqlJs from "sql.js";
import wasmUrl from "sql.js/dist/sql-wasm.wasm?url";
import { StoredCopyError } from "../storage/codec.js";
import { EngineHost } from "./engine-host.js";
import type { WorkerReply, WorkerRequest } from "./protocol.js";

/**
 * The engine's thread. Requests run one at a time, in arrival order: an encode that awaits gzip must
 * not let a posting slip in between its export and its checksum.
 */
const scope = self as unknown as {
  postMessage(m: WorkerReply): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
};

const host = initSqlJs({ locateFile: () => wasmUrl }).then(
  (SQL) =>
    new EngineHost(SQL, (label, done, total) => scope.postMessage({ progress: { label, done, total } })),
);

let queue: Promise<unknown> = Promise.resolve();

scope.onmessage = (ev) => {
  const { id, method, args } = ev.data;
  queue = queue.then(async () => {
    try {
      const h = await host;
      if (method === "init") return scope.postMessage({ id, ok: true, value: null });
      const fn = h[method] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn.apply(h, args);
      scope.postMessage({ id, ok: true, value });
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      scope.postMessage({
        id,
        ok: false,
        error: {
          name: err.name,
          message: err.message,
          ...(e instanceof StoredCopyError ? { kind: e.kind } : {}),
        },
      });
    }
  });
};
