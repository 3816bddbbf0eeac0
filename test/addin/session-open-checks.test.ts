import { describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import type { MemoryWorkbook } from "../../addin/gateway/memory-workbook.js";
import { openStored } from "../../addin/session/open-stored.js";
import { decodeDatabase, encodeDatabase } from "../../addin/storage/codec.js";
import { DatabaseStore } from "../../addin/storage/database-store.js";
import { loadSqlJs } from "../../engine/db/sqljs.js";
import { toSchema1Sql } from "../helpers/schema1.js";
import { newSession } from "./session-helpers.js";

/**
 * Issue 6, items 6 and 7, through the workbook: books changed outside Ledgerpane and saved back with
 * valid checksums are never used silently; books of an earlier schema are upgraded and saved.
 */

/** Replaces the workbook's current copy by `edit` applied to its database, saved as a proper copy. */
async function saveEdited(workbook: MemoryWorkbook, edit: string, schemaVersion?: number) {
  const engine = await createInProcessEngine();
  const store = new DatabaseStore(new MemoryGateway(workbook));
  const opened = await openStored(store, engine);
  expect(opened.status).toBe("opened");
  const encoded = await engine.encode();
  const bytes = await decodeDatabase(encoded.chunks, encoded);
  const SQL = await loadSqlJs();
  const raw = new SQL.Database(bytes);
  raw.exec(edit);
  const edited = raw.export();
  raw.close();
  await store.save(await encodeDatabase(edited, schemaVersion ?? encoded.schemaVersion));
}

async function demoWorkbook() {
  const s = await newSession();
  await s.session.newCompany(true);
  expect(s.session.state.phase).toBe("open");
  return s.workbook;
}

describe("opening books changed outside Ledgerpane", () => {
  it("an edited G/L entry with recomputed checksums is refused, and the backup opens with a notice naming the register", async () => {
    const workbook = await demoWorkbook();
    await saveEdited(
      workbook,
      `DROP TRIGGER IF EXISTS "glEntry_append_only_update";
       UPDATE "glEntry" SET "amount" = "amount" + 100 WHERE "entryNo" = (SELECT MIN("entryNo") FROM "glEntry");`,
    );
    const again = await newSession(workbook.state);
    expect(again.session.state.phase).toBe("open");
    const notices = again.session.state.notices.join("\n");
    expect(notices).toMatch(/backup/i);
    expect(notices).toMatch(/register/i);
  });

  it("books of schema 1 are upgraded when opened and saved at once, with a notice", async () => {
    const workbook = await demoWorkbook();
    await saveEdited(workbook, toSchema1Sql(), 1);
    const before = new DatabaseStore(new MemoryGateway(workbook));
    const books = await before.inspect();
    expect(books.kind).toBe("manifest");
    const generation = books.kind === "manifest" ? books.manifest.generation : 0;

    const again = await newSession(workbook.state);
    expect(again.session.state.phase).toBe("open");
    expect(again.session.state.notices.join("\n")).toMatch(/upgraded to schema 2/);
    const after = await new DatabaseStore(new MemoryGateway(workbook)).inspect();
    expect(after.kind === "manifest" ? after.manifest.generation : 0).toBe(generation + 1);
    expect(after.kind === "manifest" ? after.manifest.slots[after.manifest.active]?.schemaVersion : 0).toBe(
      2,
    );
  });
});
