import { beforeAll, describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { MemoryWorkbook, type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import type { EncodedDatabase } from "../../addin/storage/codec.js";
import { DatabaseStore, StoreConflictError } from "../../addin/storage/database-store.js";
import { CHUNK_NAMESPACE, MANIFEST_NAMESPACE } from "../../addin/storage/store-manifest.js";
import { clone, reopen, upsertCustomer } from "./storage-helpers.js";
import { Session } from "../../addin/session/session.js";

/**
 * Damaged manifests and chunk parts. The rule under test: a workbook holding any Ledgerpane part
 * is never treated as empty; a manifest that cannot be used is rebuilt from the chunks' own labels
 * and checksums, or the books are reported damaged and nothing is written; and no save deletes a
 * part that the open did not account for.
 */
const CHUNK = 8 * 1024;

const manifestOf = (s: MemoryWorkbookState) => s.parts.find((p) => p.xml.includes(MANIFEST_NAMESPACE))!;
const chunksOf = (s: MemoryWorkbookState) => s.parts.filter((p) => p.xml.includes(CHUNK_NAMESPACE));
const slotParts = (s: MemoryWorkbookState, slot: "A" | "B") =>
  new RegExp(`name="${slot}"[^>]*parts="([^"]*)"`).exec(manifestOf(s).xml)![1]!.split(" ");

/** A chunk part as Ledgerpane wrote it before chunks described their copy. */
const stripLabels = (xml: string) =>
  xml.replace(/ (format|size|gzipSize|sha256|schemaVersion|savedAt|saveId)="[^"]*"/g, "");

/** Replaces or removes one attribute of one element of the manifest. */
function damage(xml: string, element: string, attr: string, value: string | null): string {
  const tag = new RegExp(`<${element}[ >][^>]*>`).exec(xml)![0];
  const pattern = new RegExp(`\\s${attr}="[^"]*"`);
  expect(tag).toMatch(pattern);
  const changed = tag.replace(pattern, value === null ? "" : ` ${attr}="${value}"`);
  return xml.replace(tag, changed);
}

describe("damaged books in the workbook", () => {
  /** Slot A active with 31 customers (…, NEW), slot B the backup with 30. */
  let latest: MemoryWorkbookState;
  let fresh: EncodedDatabase;

  beforeAll(async () => {
    const engine = await createInProcessEngine();
    await engine.create({ demo: false });
    for (let i = 0; i < 30; i++) await upsertCustomer(engine, `C${String(i).padStart(3, "0")}`);
    const gw = new MemoryGateway();
    const store = new DatabaseStore(gw);
    await store.save(await engine.encode(CHUNK));
    await store.save(await engine.encode(CHUNK));
    await upsertCustomer(engine, "NEW");
    await store.save(await engine.encode(CHUNK));
    latest = clone(gw.workbook.state);
    expect(/active="A"/.test(manifestOf(latest).xml)).toBe(true);
    expect(slotParts(latest, "A").length).toBeGreaterThan(2);

    const other = await createInProcessEngine();
    await other.create({ demo: false });
    fresh = await other.encode(CHUNK);
  });

  /** Opens, checks the latest books came back, saves once more and checks the workbook is whole again. */
  async function expectRecovered(state: MemoryWorkbookState, what: string) {
    const before = new Set(state.parts.map((p) => p.id));
    const pane = await reopen(state);
    expect(pane.outcome.status, what).toBe("opened");
    expect(pane.customers, what).toContain("NEW");
    expect(pane.customers, what).toHaveLength(31);
    // Opening never writes.
    expect(new Set(state.parts.map((p) => p.id)), what).toEqual(before);

    await upsertCustomer(pane.engine, "LATER");
    await pane.store.save(await pane.engine.encode(CHUNK));
    const again = await reopen(state);
    expect(again.outcome, what).toMatchObject({ status: "opened", source: "active", notices: [] });
    expect(again.customers, what).toContain("LATER");
    expect(
      state.parts.filter((p) => p.xml.includes(MANIFEST_NAMESPACE)),
      what,
    ).toHaveLength(1);
    return pane.outcome;
  }

  const ROOT = ["xmlns", "format", "generation", "active"];
  const SLOT = [
    "name",
    "generation",
    "size",
    "gzipSize",
    "sha256",
    "schemaVersion",
    "savedAt",
    "saveId",
    "parts",
  ];

  for (const [element, attrs] of [
    ["ledgerpaneDatabase", ROOT],
    ['slot name="A"', SLOT],
    ['slot name="B"', SLOT],
  ] as const)
    for (const attr of attrs)
      for (const value of [null, "abc", ""])
        it(`opens the latest books when the manifest's ${element.replace(/ .*/, "")} ${element.includes('"') ? element.slice(-2, -1) + " " : ""}${attr} is ${value === null ? "removed" : `'${value}'`}`, async () => {
          const state = clone(latest);
          const m = manifestOf(state);
          const tag = element.startsWith("slot") ? element : element;
          m.xml = damage(m.xml, tag, attr, value);
          const outcome = await expectRecovered(state, `${element} ${attr}=${String(value)}`);
          if (outcome.status === "opened" && outcome.source !== "active")
            expect(outcome.notices.join(" ")).toMatch(/rebuilt it from the chunk parts/);
        });

  it("opens the latest books when the manifest part is deleted, and says the manifest was rebuilt", async () => {
    const state = clone(latest);
    state.parts = state.parts.filter((p) => p !== manifestOf(state));
    const outcome = await expectRecovered(state, "manifest deleted");
    expect(outcome).toMatchObject({ source: "rebuilt", slot: "A" });
    if (outcome.status === "opened") expect(outcome.notices[0]).toMatch(/manifest part is missing/);
  });

  it("opens the latest books when the manifest holds no manifest at all", async () => {
    const state = clone(latest);
    manifestOf(state).xml = `<ledgerpaneDatabase xmlns="${MANIFEST_NAMESPACE}">garbage`;
    await expectRecovered(state, "manifest garbage");
  });

  it("opens the latest books when two conflicting manifests exist", async () => {
    const state = clone(latest);
    const m = manifestOf(state);
    const older = m.xml.replace(/active="A"/, 'active="B"').replace(/generation="3"/, 'generation="2"');
    state.parts.push({ id: "{LP-CONFLICT}", xml: older });
    const outcome = await expectRecovered(state, "two manifests");
    expect(outcome).toMatchObject({ source: "rebuilt" });
  });

  it("falls back to the backup when a chunk of the active copy is missing, and a rebuild finds no newer copy", async () => {
    for (const how of ["deleted", "garbled", "relabelled"] as const) {
      const state = clone(latest);
      const victim = state.parts.find((p) => p.id === slotParts(state, "A")[1])!;
      if (how === "deleted") state.parts = state.parts.filter((p) => p !== victim);
      else if (how === "garbled") victim.xml = victim.xml.replace(/>([A-Za-z0-9+/]{8})/, ">AAAAAAAA");
      else victim.xml = victim.xml.replace(/index="1"/, 'index="0"');
      manifestOf(state).xml = damage(manifestOf(state).xml, "ledgerpaneDatabase", "generation", null);
      const pane = await reopen(state);
      expect(pane.outcome.status, how).toBe("opened");
      expect(pane.customers, how).toHaveLength(30);
      if (pane.outcome.status === "opened") expect(pane.outcome.slot, how).toBe("B");
    }
  });

  describe("when no copy can be opened", () => {
    function ruined(): MemoryWorkbookState {
      const state = clone(latest);
      for (const p of chunksOf(state)) p.xml = p.xml.replace(/>[A-Za-z0-9+/]{12}/, ">AAAAAAAAAAAA");
      manifestOf(state).xml = damage(manifestOf(state).xml, 'slot name="A"', "size", "abc");
      return state;
    }

    it("reports the books damaged and refuses every save", async () => {
      const state = ruined();
      const before = JSON.stringify(state);
      const pane = await reopen(state);
      expect(pane.outcome.status).toBe("damaged");
      if (pane.outcome.status === "damaged") expect(pane.outcome.message).toMatch(/will not write/);
      await expect(pane.store.save(fresh)).rejects.toBeInstanceOf(StoreConflictError);
      expect(JSON.stringify(state)).toBe(before);
    });

    it("refuses a new company over them, through the store and through the pane, writing nothing", async () => {
      for (const state of [
        ruined(),
        // Only chunk parts, in the older format without checksums, and none of them unpacks.
        (() => {
          const s = ruined();
          s.parts = chunksOf(s).map((p) => ({ ...p, xml: stripLabels(p.xml) }));
          return s;
        })(),
      ]) {
        const before = JSON.stringify(state);
        await expect(
          new DatabaseStore(new MemoryGateway(new MemoryWorkbook(state))).save(fresh),
        ).rejects.toThrow(/already holds Ledgerpane books/);
        expect(JSON.stringify(state)).toBe(before);

        const session = new Session(
          new MemoryGateway(new MemoryWorkbook(state)),
          await createInProcessEngine(),
          "standalone",
          { chunkChars: CHUNK },
        );
        await session.start();
        expect(session.state.phase).toBe("damaged");
        await session.newCompany(false);
        expect(session.state.phase).toBe("damaged");
        expect(JSON.stringify(state)).toBe(before);
      }
    });
  });

  it("a save deletes no part it cannot account for: another pane's newer chunks, unreadable parts", async () => {
    const state = clone(latest);
    const pane = await reopen(state);
    // Another pane's save in flight (a generation above the committed one), and a part we cannot read.
    const newer = chunksOf(state)[0]!
      .xml.replace(/generation="\d+"/, 'generation="99"')
      .replace(/saveId="[^"]*"/, 'saveId="inflight"');
    state.parts.push({ id: "{LP-INFLIGHT}", xml: newer });
    state.parts.push({
      id: "{LP-ODD}",
      xml: `<chunk xmlns="${CHUNK_NAMESPACE}" slot="?">not ours to judge</chunk>`,
    });
    // A leftover of a save that never committed, at the committed generation: provably stale.
    const leftover = chunksOf(state)[0]!.xml.replace(/saveId="[^"]*"/, 'saveId="abandoned"');
    state.parts.push({ id: "{LP-LEFTOVER}", xml: leftover });

    await upsertCustomer(pane.engine, "LATER");
    await pane.store.save(await pane.engine.encode(CHUNK));
    const ids = state.parts.map((p) => p.id);
    expect(ids).toContain("{LP-INFLIGHT}");
    expect(ids).toContain("{LP-ODD}");
    expect(ids).not.toContain("{LP-LEFTOVER}");
    expect((await reopen(state)).customers).toContain("LATER");
  });

  it("rebuilds a missing manifest from chunks written before chunks carried their checksum", async () => {
    const state = clone(latest);
    state.parts = chunksOf(state).map((p) => ({ ...p, xml: stripLabels(p.xml) }));
    const outcome = await expectRecovered(state, "legacy chunks only");
    expect(outcome).toMatchObject({ source: "rebuilt", slot: "A" });
  });

  it("opens and saves a workbook written before chunks carried their copy's id and checksum", async () => {
    const state = clone(latest);
    for (const p of state.parts)
      p.xml = p.xml.includes(CHUNK_NAMESPACE) ? stripLabels(p.xml) : p.xml.replace(/ saveId="[^"]*"/g, "");
    const pane = await reopen(state);
    expect(pane.outcome).toMatchObject({ status: "opened", source: "active", notices: [] });
    expect(pane.customers).toContain("NEW");
    await upsertCustomer(pane.engine, "LATER");
    await pane.store.save(await pane.engine.encode(CHUNK));
    const again = await reopen(state);
    expect(again.customers).toContain("LATER");
    // The old-format copies are gone once replaced; the new ones carry their labels.
    expect(chunksOf(state).every((p) => / saveId="/.test(p.xml))).toBe(false);
    expect(chunksOf(state).filter((p) => / saveId="/.test(p.xml)).length).toBeGreaterThan(0);
  });
});
