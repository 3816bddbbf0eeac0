import type { MemoryWorkbookState } from "../gateway/memory-workbook.js";

/**
 * The standalone page's workbook lives in IndexedDB (localStorage holds only ~5 MB of strings), so
 * a reload finds the same sheets and the same database parts. One record, rewritten after changes.
 */
const DB_NAME = "ledgerpane-standalone";
const STORE = "workbooks";
const KEY = "current";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB cannot be opened."));
  });
}

function request<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB refused the request."));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB aborted the request."));
  });
}

export class BrowserWorkbookStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(): Promise<BrowserWorkbookStore> {
    return new BrowserWorkbookStore(await openDb());
  }

  async load(): Promise<MemoryWorkbookState | undefined> {
    const value = await request<unknown>(this.db, "readonly", (s) => s.get(KEY));
    const state = value as MemoryWorkbookState | undefined;
    return state && state.format === 1 ? state : undefined;
  }

  private saving: Promise<void> | null = null;

  /** Saves the latest state; a call made while a save runs waits for it, then saves again. */
  save(state: () => MemoryWorkbookState): Promise<void> {
    if (this.saving) return this.saving.then(() => this.save(state));
    this.saving = request(this.db, "readwrite", (s) => s.put(state(), KEY)).then(
      () => {
        this.saving = null;
      },
      (e: unknown) => {
        this.saving = null;
        throw e;
      },
    );
    return this.saving;
  }

  async clear(): Promise<void> {
    await request(this.db, "readwrite", (s) => s.delete(KEY));
  }
}
