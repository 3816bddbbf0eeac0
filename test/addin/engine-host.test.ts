import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { encodeDatabase } from "../../addin/storage/codec.js";

async function openInput(bytes: Uint8Array, schemaVersion = 1) {
  const enc = await encodeDatabase(bytes, schemaVersion, 4096);
  return { chunks: enc.chunks, sha256: enc.sha256, size: enc.size, schemaVersion };
}

describe("engine host: opening stored copies", () => {
  it("opens its own database and reports the schema it writes", async () => {
    const host = await createInProcessEngine();
    await host.create({ demo: true });
    const enc = await host.encode(4096);
    expect(enc.schemaVersion).toBe(await host.schemaVersion());
    const other = await createInProcessEngine();
    await other.open({ ...enc });
    const r = await other.dispatch([{ do: "read", with: { table: "item" } }]);
    expect(r.responses[0]).toMatchObject({ ok: true });
  });

  it("refuses an SQLite file of another program", async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    const host = await createInProcessEngine();
    await expect(host.open(await openInput(db.export()))).rejects.toMatchObject({ kind: "foreign" });
  });

  it("refuses a database written by a newer schema", async () => {
    const host = await createInProcessEngine();
    await host.create({ demo: false });
    const enc = await host.encode(1 << 20);
    const SQL = await initSqlJs();
    const { decodeDatabase } = await import("../../addin/storage/codec.js");
    const db = new SQL.Database(await decodeDatabase(enc.chunks, enc));
    db.exec(`PRAGMA user_version = ${enc.schemaVersion + 1}`);
    const other = await createInProcessEngine();
    await expect(other.open(await openInput(db.export(), enc.schemaVersion))).rejects.toMatchObject({
      kind: "newer",
    });
  });

  it("refuses bytes that are not a database at all", async () => {
    const host = await createInProcessEngine();
    await expect(
      host.open(await openInput(new TextEncoder().encode("not a database"))),
    ).rejects.toMatchObject({
      kind: "integrity",
    });
  });
});
