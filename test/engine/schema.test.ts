import { describe, expect, it } from "vitest";
import { sqlType } from "../../engine/db/columns.js";
import { createDatabase } from "../../engine/db/open.js";
import { TABLES } from "../../engine/db/schema/index.js";
import { loadSqlJs } from "../../engine/db/sqljs.js";

describe("schema", () => {
  it("the migrated database has exactly the registry's tables and columns", async () => {
    const db = createDatabase(await loadSqlJs());
    const tables = db
      .all(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .map((r) => String(r[0]));
    expect(tables).toEqual(TABLES.map((t) => t.name).sort());
    for (const t of TABLES) {
      const cols = db
        .all(`PRAGMA table_info("${t.name}")`)
        .map((r) => ({ name: String(r[1]), type: String(r[2]), pk: Number(r[5]) }));
      expect(
        cols.map((c) => c.name),
        t.name,
      ).toEqual(t.columns.map((c) => c.name));
      expect(
        cols.map((c) => c.type),
        t.name,
      ).toEqual(t.columns.map((c) => sqlType(c.kind)));
      const pk = cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      expect(pk, t.name).toEqual([...t.key]);
    }
  });

  it("every append-only table has its two triggers", async () => {
    const db = createDatabase(await loadSqlJs());
    const triggers = new Set(
      db.all(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).map((r) => String(r[0])),
    );
    for (const t of TABLES.filter((x) => x.appendOnly)) {
      expect(triggers.has(`${t.name}_append_only_delete`), t.name).toBe(true);
      expect(triggers.has(`${t.name}_append_only_update`), t.name).toBe(true);
    }
  });
});
