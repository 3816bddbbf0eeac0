import { describe, expect, it } from "vitest";
import { BrowserWorkbookStore, type RecordStore } from "../../addin/standalone/browser-store.js";
import { confirmStartOver } from "../../addin/standalone/start-over.js";
import { answering, lineCell, newSession } from "./session-helpers.js";

/** Issue 6, item 11: "Start over" says what it erases, and one undo exists until the next save. */
class MapRecords implements RecordStore {
  readonly map = new Map<string, unknown>();
  get(key: string) {
    return Promise.resolve(structuredClone(this.map.get(key)));
  }
  put(key: string, value: unknown) {
    this.map.set(key, structuredClone(value));
    return Promise.resolve();
  }
  delete(key: string) {
    this.map.delete(key);
    return Promise.resolve();
  }
}

async function postedCompany() {
  const s = await newSession();
  const records = new MapRecords();
  const store = new BrowserWorkbookStore(records);
  s.gw.afterWrite = () => store.save(() => s.workbook.state);
  const reply = { yes: true };
  const asked = answering(s.session, () => reply.yes);
  await s.session.newCompany(true);
  await s.session.newDocument("Invoice", "C10000");
  const sheet = `Invoice ${s.session.state.current!.no}`;
  s.workbook.userSetCell(sheet, lineCell(0, "No."), "1000");
  s.workbook.userSetCell(sheet, lineCell(0, "Quantity"), 2);
  await s.session.postDocument(s.session.state.current!, "invoice");
  expect(s.session.state.posted).toHaveLength(1);
  return { ...s, store, records, reply, asked };
}

describe("Start over with an empty workbook", () => {
  it("asks first, naming the posted documents and entries it would erase; No keeps everything", async () => {
    const { session, store, records, reply, asked } = await postedCompany();
    const before = structuredClone(records.map.get("current"));
    reply.yes = false;
    asked.length = 0;
    expect(await confirmStartOver(session, store)).toBe(false);
    expect(asked).toHaveLength(1);
    const text = asked[0]!.lines.join(" ");
    expect(text).toMatch(/1 posted document\(s\)/);
    expect(text).toMatch(/\b\d{2,} ledger entries/);
    expect(records.map.get("current")).toEqual(before);
    expect(await store.erased()).toBeUndefined();
  });

  it("keeps the erased books as the one undo until a new company is saved", async () => {
    const { session, store, workbook } = await postedCompany();
    const held = structuredClone(workbook.state);
    expect(await confirmStartOver(session, store)).toBe(true);
    expect(await store.load()).toBeUndefined();
    expect((await store.erased())?.state).toEqual(held);

    // The undo puts the erased workbook back whole.
    expect(await store.undoStartOver()).toBe(true);
    expect(await store.load()).toEqual(held);
    expect(await store.erased()).toBeUndefined();

    // Start over again, then save a new company: the undo is gone.
    await store.startOver();
    const fresh = await newSession();
    fresh.gw.afterWrite = () => store.save(() => fresh.workbook.state);
    await store.save(() => fresh.workbook.state);
    expect(await store.erased()).toBeDefined();
    await fresh.session.newCompany(false);
    expect(await store.erased()).toBeUndefined();
    expect(await store.undoStartOver()).toBe(false);
  });
});
