import { describe, expect, it } from "vitest";
import { createDatabase, openDatabase } from "../../engine/db/open.js";
import { loadSqlJs } from "../../engine/db/sqljs.js";
import { Repo } from "../../engine/db/repo.js";
import { dec } from "../../engine/kernel/decimal.js";

describe("db", () => {
  it("round-trips exact decimals through scaled integers", async () => {
    const SQL = await loadSqlJs();
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    db.transaction(() =>
      repo.insert("item", { no: "X", unitPrice: dec("123456789.12345"), description: "x" }),
    );
    expect(repo.get("item", "X")!.unitPrice.toFixed()).toBe("123456789.12345");
    const bytes = db.export();
    const again = openDatabase(SQL, bytes);
    expect(new Repo(again).get("item", "X")!.unitPrice.toFixed()).toBe("123456789.12345");
  });
});
