import type { EncodedDatabase } from "../storage/codec.js";
import { StoredCopyError } from "../storage/codec.js";
import type {
  BatchResult,
  CommandRequest,
  CreateResult,
  EngineApi,
  OpenInput,
  ProgressListener,
  WorkerReply,
  WorkerRequest,
  OpenResult,
} from "./protocol.js";

/** The pane's handle on the engine worker: every call is a message, every answer a promise. */
export class WorkerEngineClient implements EngineApi {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  onProgress: ProgressListener | undefined;

  constructor() {
    this.worker = new Worker(new URL("./engine-worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (ev: MessageEvent<WorkerReply>) => this.receive(ev.data);
    this.worker.onerror = (ev) => {
      const error = new Error(`The engine worker failed: ${ev.message || "it could not start"}.`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  private receive(reply: WorkerReply): void {
    if ("progress" in reply) {
      this.onProgress?.(reply.progress.label, reply.progress.done, reply.progress.total);
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else {
      const { name, message, kind } = reply.error;
      const error = kind ? new StoredCopyError(kind as StoredCopyError["kind"], message) : new Error(message);
      if (!kind) error.name = name;
      p.reject(error);
    }
  }

  private call<T>(method: WorkerRequest["method"], ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });
  }

  init(): Promise<void> {
    return this.call("init");
  }
  create(options: { demo: boolean; workDate?: string }): Promise<CreateResult> {
    return this.call("create", options);
  }
  open(input: OpenInput): Promise<OpenResult> {
    return this.call("open", input);
  }
  dispatch(commands: CommandRequest[], label?: string): Promise<BatchResult> {
    return this.call("dispatch", commands, label);
  }
  encode(chunkChars?: number): Promise<EncodedDatabase> {
    return this.call("encode", chunkChars);
  }
  schemaVersion(): Promise<number> {
    return this.call("schemaVersion");
  }
  close(): Promise<void> {
    return this.call("close");
  }
}
