import { describe, expect, it } from "vitest";
import { dec } from "../../../engine/kernel/decimal.js";
import { expectOk, fixtureCompany } from "../../helpers/company.js";

describe("item journal (issue 6, items 5 and 10)", () => {
  it("a line without unitCost posts at the item's unit cost, as BC proposes (it posted at zero)", async () => {
    const engine = await fixtureCompany();
    const item = expectOk(
      engine.dispatch({ do: "read", with: { table: "item", where: { no: "1000" } } }),
    ) as { rows: { unitCost: string }[] };
    const unitCost = item.rows[0]!.unitCost;
    expect(dec(unitCost).gt(0)).toBe(true);
    const posted = expectOk(
      engine.dispatch({
        do: "postItemJournal",
        with: { lines: [{ entryType: "Positive Adjmt.", itemNo: "1000", quantity: 2 }] },
      }),
    ) as { entryNos: number[] };
    const values = expectOk(
      engine.dispatch({
        do: "read",
        with: { table: "valueEntry", where: { itemLedgerEntryNo: posted.entryNos[0]! } },
      }),
    ) as { rows: { costAmountActual: string }[] };
    const total = values.rows.reduce((s, r) => s.plus(r.costAmountActual), dec(0));
    expect(total.toFixed(2)).toBe(dec(unitCost).times(2).toFixed(2));
  });

  it("an empty journal is refused with BC's message and draws no document number", async () => {
    const engine = await fixtureCompany();
    const before = engine.export();
    const res = engine.dispatch({ do: "postItemJournal", with: { lines: [] } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toBe("There is nothing to post.");
    expect(engine.export()).toEqual(before);
  });
});
