import { beforeAll, describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { InjectedFailure, MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import { clone, reopen, upsertCustomer } from "./storage-helpers.js";
import type { EncodedDatabase } from "../../addin/storage/codec.js";
import { DatabaseStore, StoreConflictError } from "../../addin/storage/database-store.js";
import { CHUNK_NAMESPACE, MANIFEST_NAMESPACE, manifestXml } from "../../addin/storage/store-manifest.js";

// Small chunks so that even a small company spans several parts, and every seam gets a fault.
const CHUNK = 8 * 1024;

describe("database inside the workbook (A/B slots)", () => {
  let v1State: MemoryWorkbookState;
  let v2: EncodedDatabase;
  let writesPerSave = 0;

  beforeAll(async () => {
    const engine = await createInProcessEngine();
    await engine.create({ demo: false });
    // Enough rows that the packed database spans several chunks.
    for (let i = 0; i < 30; i++) await upsertCustomer(engine, `C${String(i).padStart(3, "0")}`);
    const gw = new MemoryGateway();
    const store = new DatabaseStore(gw);
    // Saved twice, so both slots hold a copy and the next save has an old slot to clear first.
    await store.save(await engine.encode(CHUNK));
    await store.save(await engine.encode(CHUNK));
    v1State = clone(gw.workbook.state);

    await upsertCustomer(engine, "NEW");
    v2 = await engine.encode(CHUNK);
    expect(v2.chunks.length).toBeGreaterThan(2);

    const probe = await reopen(clone(v1State));
    const before = (probe.store.gateway as MemoryGateway).writeCount;
    await probe.store.save(v2);
    writesPerSave = (probe.store.gateway as MemoryGateway).writeCount - before;
  });

  it("saves and reopens the same database", async () => {
    const { outcome, customers: list } = await reopen(clone(v1State));
    expect(outcome).toMatchObject({ status: "opened", slot: "B", notices: [] });
    expect(list).toHaveLength(30);
  });

  it("writes one chunk per request, then the manifest last", async () => {
    const { store } = await reopen(clone(v1State));
    const gw = store.gateway as MemoryGateway;
    const from = gw.log.length;
    await store.save(v2);
    const writes = gw.log.slice(from).filter((r) => r.kind === "write");
    // Nothing is deleted before the commit: until then the workbook holds both earlier copies.
    expect(writes.map((w) => w.op)).toEqual([
      ...v2.chunks.map(() => "addXmlPart"),
      "replaceXmlPartIf",
      "deleteXmlParts",
    ]);
    for (const w of writes) expect(w.bytes).toBeLessThan(CHUNK + 512);
  });

  it("after a failure between any two writes of a save, reopening finds the last committed database", async () => {
    expect(writesPerSave).toBe(v2.chunks.length + 2);
    for (let n = 0; n <= writesPerSave; n++) {
      const state = clone(v1State);
      const pane = await reopen(state);
      const gw = pane.store.gateway as MemoryGateway;
      gw.failAtWrite(gw.writeCount + n);
      const saved = await pane.store.save(v2).then(
        () => true,
        (e: unknown) => {
          expect(e).toBeInstanceOf(InjectedFailure);
          return false;
        },
      );
      // The manifest write is the commit point; a failure while clearing the old copy after it
      // does not undo the save.
      expect(saved).toBe(n >= writesPerSave - 1);

      const after = await reopen(state);
      expect(after.outcome.status).toBe("opened");
      if (after.outcome.status === "opened") expect(after.outcome.notices).toEqual([]);
      expect(after.customers).toHaveLength(saved ? 31 : 30);
      expect(after.customers.includes("NEW")).toBe(saved);

      // The pane that reopens can save again: leftovers of the broken save are cleared, not kept.
      await upsertCustomer(after.engine, "LATER");
      await after.store.save(await after.engine.encode(CHUNK));
      const final = await reopen(state);
      expect(final.customers.includes("LATER")).toBe(true);
      const manifestIds = state.parts.filter((p) => p.xml.includes(MANIFEST_NAMESPACE));
      expect(manifestIds).toHaveLength(1);
      const chunkParts = state.parts.filter((p) => p.xml.includes(CHUNK_NAMESPACE)).length;
      const referenced = manifestIds[0]!.xml
        .match(/parts="([^"]*)"/g)!
        .join(" ")
        .split(/\s+/).length;
      expect(chunkParts).toBeLessThanOrEqual(referenced);
    }
  });

  it("falls back to the backup copy when the active copy is damaged, and says so", async () => {
    const state = clone(v1State);
    const pane = await reopen(state);
    await pane.store.save(v2); // now A is active (31 customers), B is the backup (30)
    const manifest = state.parts.find((p) => p.xml.includes(MANIFEST_NAMESPACE))!;
    const aIds = /name="A"[^>]*parts="([^"]*)"/.exec(manifest.xml)![1]!.split(" ");
    const victim = state.parts.find((p) => p.id === aIds[1])!;
    victim.xml = victim.xml.replace(/>([A-Za-z0-9+/]{8})/, ">AAAAAAAA");

    const after = await reopen(state);
    expect(after.outcome).toMatchObject({ status: "opened", slot: "B" });
    if (after.outcome.status === "opened") expect(after.outcome.notices[0]).toMatch(/backup copy/);
    expect(after.customers).toHaveLength(30);

    // The next save goes over the damaged copy, never over the one we opened.
    await upsertCustomer(after.engine, "FIXED");
    await after.store.save(await after.engine.encode(CHUNK));
    const again = await reopen(state);
    expect(again.outcome).toMatchObject({ status: "opened", slot: "A", notices: [] });
    expect(again.customers).toContain("FIXED");
  });

  it("refuses to overwrite when the workbook's copy changed since it was read", async () => {
    const state = clone(v1State);
    const first = await reopen(state);
    const second = await reopen(state);
    await second.store.save(v2);
    await expect(first.store.save(v2)).rejects.toBeInstanceOf(StoreConflictError);
    const after = await reopen(state);
    expect(after.customers).toContain("NEW");
  });

  it("refuses a database from a newer Ledgerpane and leaves it untouched", async () => {
    const state = clone(v1State);
    for (const p of state.parts) p.xml = p.xml.replace(/schemaVersion="\d+"/g, 'schemaVersion="999"');
    const before = JSON.stringify(state);
    const after = await reopen(state);
    expect(after.outcome.status).toBe("refused");
    if (after.outcome.status === "refused") expect(after.outcome.message).toMatch(/newer Ledgerpane/);
    expect(JSON.stringify(state)).toBe(before);
    await expect(after.store.save(v2)).rejects.toBeInstanceOf(StoreConflictError);
    expect(JSON.stringify(state)).toBe(before);
  });

  it("refuses a storage format from a newer Ledgerpane", async () => {
    const state = clone(v1State);
    const manifest = state.parts.find((p) => p.xml.includes(MANIFEST_NAMESPACE))!;
    manifest.xml = manifestXml({ format: 2, generation: 9, active: "A", slots: {} });
    const after = await reopen(state);
    expect(after.outcome).toMatchObject({ status: "refused" });
  });

  it("reports a workbook whose copies are all damaged without touching it", async () => {
    const state = clone(v1State);
    for (const p of state.parts)
      if (p.xml.includes(CHUNK_NAMESPACE)) p.xml = p.xml.replace(/>[A-Za-z0-9+/]{12}/, ">AAAAAAAAAAAA");
    const after = await reopen(state);
    expect(after.outcome.status).toBe("damaged");
  });
});
