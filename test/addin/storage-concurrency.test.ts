import { beforeAll, describe, expect, it } from "vitest";
import type { EngineApi } from "../../addin/engine-host/protocol.js";
import type { WorkbookGateway } from "../../addin/gateway/gateway.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { MemoryWorkbook, type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import { decodeDatabase, encodeDatabase, type EncodedDatabase } from "../../addin/storage/codec.js";
import { DatabaseStore, StoreConflictError, type StoredBooks } from "../../addin/storage/database-store.js";
import {
  CHUNK_NAMESPACE,
  MANIFEST_NAMESPACE,
  manifestXml,
  parseManifest,
  type SlotInfo,
  type StoreManifest,
} from "../../addin/storage/store-manifest.js";
import { openStored } from "../../addin/session/open-stored.js";

/**
 * Two panes (or co-authors) saving into one workbook at once. Each pane's gateway waits for its
 * turn before every request, and the test runs every order in which the two saves' requests can
 * interleave. Whatever the order: at most one save from the same starting point reports success,
 * the manifest it committed is the one in the workbook, and every part that manifest names exists
 * and passes its checks.
 */
const CHUNK = 8 * 1024;

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** Opening only needs the chunks to pass their checks; no SQLite here. */
const checkingEngine = {
  open: async (input: { chunks: string[]; sha256: string; size: number }) => {
    await decodeDatabase(input.chunks, input);
    return { notices: [], upgraded: false };
  },
} as unknown as EngineApi;

class Turns {
  enabled = false;
  readonly waiting: ((() => void) | null)[] = [null, null];

  gateway(inner: MemoryGateway, actor: number): WorkbookGateway {
    return new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          if (this.enabled) await new Promise<void>((go) => (this.waiting[actor] = go));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as unknown as WorkbookGateway;
  }
}

const tick = () => new Promise<void>((r) => setImmediate(r));

interface Run {
  decisions: { choice: number; options: number[] }[];
  results: (StoreManifest | Error)[];
  state: MemoryWorkbookState;
}

/** Runs each pane's saves; whenever both wait for a request, `pick` says whose goes first. */
async function runSchedule(
  base: MemoryWorkbookState,
  opened: { books: StoredBooks; slot: "A" | "B"; info: SlotInfo },
  plans: EncodedDatabase[][],
  pick: (step: number, options: number[]) => number,
): Promise<Run> {
  const state = structuredClone(base);
  const workbook = new MemoryWorkbook(state);
  const turns = new Turns();
  const stores = plans.map((_, i) => new DatabaseStore(turns.gateway(new MemoryGateway(workbook), i)));
  // Both panes opened the same copy; adopting it directly spares decoding it for every order.
  for (const s of stores) s.adopt(opened.books, opened.slot, opened.info, null);
  turns.enabled = true;

  const done = plans.map(() => false);
  const results: (StoreManifest | Error)[] = [];
  const actors = plans.map(async (saves, i) => {
    for (const db of saves) results.push(await stores[i]!.save(db).catch((e: unknown) => e as Error));
    done[i] = true;
  });
  const decisions: Run["decisions"] = [];
  const settled = (i: number) => done[i] || turns.waiting[i] !== null;
  for (;;) {
    for (let k = 0; !plans.every((_, i) => settled(i)); k++) {
      if (k > 1000) throw new Error("a save neither finished nor made a request");
      await tick();
    }
    const options = plans.map((_, i) => i).filter((i) => turns.waiting[i] !== null);
    if (options.length === 0) break;
    const choice = pick(decisions.length, options);
    decisions.push({ choice, options });
    const go = turns.waiting[choice]!;
    turns.waiting[choice] = null;
    go();
  }
  await Promise.all(actors);
  return { decisions, results, state };
}

/** Every part the committed manifest names exists and holds exactly the copy it was saved as. */
async function expectWhole(state: MemoryWorkbookState, saved: Map<string, EncodedDatabase>) {
  const manifests = state.parts.filter((p) => p.xml.includes(MANIFEST_NAMESPACE));
  expect(manifests).toHaveLength(1);
  const manifest = parseManifest(manifests[0]!.xml);
  for (const info of Object.values(manifest.slots)) {
    // Equal to the encoded copy with that checksum: the same check as decoding, without the gunzip.
    const chunks = info.parts.map((id) => {
      const xml = state.parts.find((p) => p.id === id)?.xml ?? "";
      return />([A-Za-z0-9+/=]*)<\/chunk>/.exec(xml)?.[1] ?? `part ${id} is missing`;
    });
    expect(chunks.filter((c) => c.startsWith("part "))).toEqual([]);
    expect(chunks.join("|") === saved.get(info.sha256)?.chunks.join("|")).toBe(true);
  }
  // Nothing is left behind but the two copies.
  const referenced = new Set(Object.values(manifest.slots).flatMap((s) => s.parts));
  expect(
    state.parts
      .filter((p) => p.xml.includes(CHUNK_NAMESPACE))
      .map((p) => p.id)
      .sort(),
  ).toEqual([...referenced].sort());
  return manifests[0]!.xml;
}

describe("two saves at once", () => {
  let base: MemoryWorkbookState;
  const dbs: EncodedDatabase[] = [];
  const known = new Map<string, EncodedDatabase>();
  let opened: { books: StoredBooks; slot: "A" | "B"; info: SlotInfo };

  beforeAll(async () => {
    for (const [seed, size] of [
      [1, 9_000],
      [2, 9_000],
      [3, 4_000],
      [4, 4_000],
      [5, 9_000],
      [6, 9_000],
    ] as const) {
      const db = await encodeDatabase(bytes(size, seed), 1, CHUNK);
      dbs.push(db);
      known.set(db.sha256, db);
    }
    // One chunk each keeps every interleaving countable; the random test below uses two-chunk saves.
    expect(dbs[2]!.chunks.length).toBe(1);
    expect(dbs[3]!.chunks.length).toBe(1);
    expect(dbs[4]!.chunks.length).toBe(2);
    const gw = new MemoryGateway();
    const store = new DatabaseStore(gw);
    await store.save(dbs[0]!);
    await store.save(dbs[1]!);
    base = gw.workbook.state;
    const books = await store.inspect();
    if (books.kind !== "manifest") throw new Error("the base workbook has no manifest");
    const info = books.manifest.slots[books.manifest.active]!;
    expect(
      await openStored(
        new DatabaseStore(new MemoryGateway(new MemoryWorkbook(structuredClone(base)))),
        checkingEngine,
      ),
    ).toMatchObject({ status: "opened" });
    opened = { books, slot: books.manifest.active, info };
  });

  it("loses no reported save in any interleaving of two panes saving from the same generation", async () => {
    let prefix: number[] = [];
    let runs = 0;
    for (;;) {
      const run = await runSchedule(base, opened, [[dbs[2]!], [dbs[3]!]], (step, options) =>
        step < prefix.length ? prefix[step]! : options[0]!,
      );
      runs++;
      const ok = run.results.filter((r): r is StoreManifest => !(r instanceof Error));
      for (const r of run.results) if (r instanceof Error) expect(r).toBeInstanceOf(StoreConflictError);
      expect(ok).toHaveLength(1);
      const committed = await expectWhole(run.state, known);
      expect(committed).toBe(manifestXml(ok[0]!));

      let next = -1;
      for (let i = run.decisions.length - 1; i >= 0 && next < 0; i--)
        if (run.decisions[i]!.choice === run.decisions[i]!.options[0] && run.decisions[i]!.options.length > 1)
          next = i;
      if (next < 0) break;
      prefix = [...run.decisions.slice(0, next).map((d) => d.choice), run.decisions[next]!.options[1]!];
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it("loses no reported save when one pane saves twice while the other saves once (random interleavings)", async () => {
    let seed = 20261208;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    for (let n = 0; n < 300; n++) {
      const run = await runSchedule(base, opened, [[dbs[4]!, dbs[5]!], [dbs[2]!]], (_, options) =>
        options.length > 1 && random() < 0.5 ? options[1]! : options[0]!,
      );
      const ok = run.results.filter((r): r is StoreManifest => !(r instanceof Error));
      expect(ok.length).toBeGreaterThanOrEqual(1);
      const committed = await expectWhole(run.state, known);
      // The last save that reported success is the one the workbook holds.
      const last = ok.reduce((a, b) => (b.generation > a.generation ? b : a));
      expect(committed, `run ${n}`).toBe(manifestXml(last));
    }
  });
});
