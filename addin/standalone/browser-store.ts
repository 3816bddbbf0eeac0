import type { MemoryWorkbookState } from "../gateway/memory-workbook.js";

/**
 * The standalone page's workbook lives in IndexedDB (localStorage holds only ~5 MB of strings), so
 * a reload finds the same sheets and the same database parts. One record, rewritten after changes,
 * and at most one more: the workbook erased by "Start over", kept so that exactly one undo exists
 * until the next save of books into the new workbook.
 */
const DB_NAME = "ledgerpane-standalone";
const STORE = "workbooks";
const CURRENT = "current";
const ERASED = "erased";

/** The few calls the store needs; IndexedDB in the browser, a Map in tests. */
export interface RecordStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ErasedWorkbook {
  state: MemoryWorkbookState;
  erasedAt: string;
}

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

class IndexedDbRecords implements RecordStore {
  constructor(private readonly db: IDBDatabase) {}
  get(key: string): Promise<unknown> {
    return request<unknown>(this.db, "readonly", (s) => s.get(key));
  }
  async put(key: string, value: unknown): Promise<void> {
    await request(this.db, "readwrite", (s) => s.put(value, key));
  }
  async delete(key: string): Promise<void> {
    await request(this.db, "readwrite", (s) => s.delete(key));
  }
}

const isState = (v: unknown): v is MemoryWorkbookState =>
  typeof v === "object" && v !== null && (v as { format?: unknown }).format === 1;

/** True when the workbook holds books (any Ledgerpane custom XML part). */
export const holdsBooks = (state: MemoryWorkbookState) =>
  state.parts.some((p) => /xmlns="urn:ledgerpane:database-/.test(p.xml));

export class BrowserWorkbookStore {
  constructor(private readonly records: RecordStore) {}

  static async open(): Promise<BrowserWorkbookStore> {
    return new BrowserWorkbookStore(new IndexedDbRecords(await openDb()));
  }

  async load(): Promise<MemoryWorkbookState | undefined> {
    const value = await this.records.get(CURRENT);
    return isState(value) ? value : undefined;
  }

  private saving: Promise<void> | null = null;

  /**
   * Saves the latest state; a call made while a save runs waits for it, then saves again. The first
   * save that holds books again ends the undo of a start over: the erased workbook is dropped.
   */
  save(state: () => MemoryWorkbookState): Promise<void> {
    if (this.saving) return this.saving.then(() => this.save(state));
    const run = async () => {
      const s = state();
      await this.records.put(CURRENT, s);
      if (holdsBooks(s)) await this.records.delete(ERASED);
    };
    this.saving = run().then(
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

  /** Starts over with an empty workbook, keeping the current one as the one undo. */
  async startOver(): Promise<void> {
    await this.saving;
    const current = await this.load();
    if (current && holdsBooks(current))
      await this.records.put(ERASED, { state: current, erasedAt: new Date().toISOString() });
    await this.records.delete(CURRENT);
  }

  async erased(): Promise<ErasedWorkbook | undefined> {
    const v = (await this.records.get(ERASED)) as Partial<ErasedWorkbook> | undefined;
    return v && isState(v.state) && typeof v.erasedAt === "string"
      ? { state: v.state, erasedAt: v.erasedAt }
      : undefined;
  }

  /** Puts the erased workbook back; refused once a new company was saved (the undo is gone). */
  async undoStartOver(): Promise<boolean> {
    await this.saving;
    const erased = await this.erased();
    if (!erased) return false;
    const current = await this.load();
    if (current && holdsBooks(current)) return false;
    await this.records.put(CURRENT, erased.state);
    await this.records.delete(ERASED);
    return true;
  }
}
