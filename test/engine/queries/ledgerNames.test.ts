import { describe, expect, it } from "vitest";
import { expectOk, fixtureCompany, postS01Invoice } from "../../helpers/company.js";

describe("ledger entries carry the name beside the code", () => {
  it("customer ledger entries the customer's name, item ledger and value entries the item's description", async () => {
    const engine = await fixtureCompany();
    postS01Invoice(engine);
    const read = (table: string) =>
      (expectOk(engine.dispatch({ do: "read", with: { table } })) as { rows: Record<string, unknown>[] })
        .rows;
    const customers = new Map(read("customer").map((c) => [c["no"], c["name"]]));
    const items = new Map(read("item").map((i) => [i["no"], i["description"]]));
    const cle = read("custLedgerEntry");
    expect(cle.length).toBeGreaterThan(0);
    for (const e of cle) expect(e["customerName"]).toBe(customers.get(e["customerNo"]));
    for (const table of ["itemLedgerEntry", "valueEntry"]) {
      const rows = read(table);
      expect(rows.length).toBeGreaterThan(0);
      for (const e of rows) {
        expect(typeof e["itemDescription"]).toBe("string");
        expect(e["itemDescription"]).toBe(items.get(e["itemNo"]));
      }
    }
  });
});
