import { afterEach, describe, expect, it } from "vitest";
import { Engine } from "../../../engine/api/index.js";
import { faultInjection } from "../../../engine/posting/glPoster.js";
import {
  createS01Invoice,
  expectOk,
  FIXTURE_WORK_DATE,
  fixtureCompany,
  sameBytes,
} from "../../helpers/company.js";
import { createBulkyOrders, fixtureBytesWithFreePages, freelistCount } from "../../helpers/freePages.js";

/**
 * Design 2 and 4: a command commits all of its writes or none. A failure anywhere, even half-way
 * through the last writer, leaves the database byte-for-byte as it was.
 */
afterEach(() => {
  faultInjection.hook = undefined;
});

function failAt(stage: string, occurrence: number): string[] {
  const seen: string[] = [];
  let n = 0;
  faultInjection.hook = (s) => {
    seen.push(s);
    if (s === stage && ++n === occurrence) throw new Error(`injected failure at ${stage} #${occurrence}`);
  };
  return seen;
}

function salesHeader(engine: Engine, no: string): unknown[] {
  const res = expectOk(
    engine.dispatch({ do: "read", with: { table: "salesHeader", where: { documentType: "Invoice", no } } }),
  ) as { rows: unknown[] };
  return res.rows;
}

function ledgerCounts(engine: Engine): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [
    "glEntry",
    "vatEntry",
    "custLedgerEntry",
    "detailedCustLedgEntry",
    "itemLedgerEntry",
    "valueEntry",
    "glRegister",
    "salesInvoiceHeader",
    "salesInvoiceLine",
  ])
    out[t] = Number(engine.db.all(`SELECT COUNT(*) FROM "${t}"`)[0]![0]);
  return out;
}

describe("a failed posting leaves the database as it was", () => {
  it.each([
    ["the 3rd G/L entry insert", "glEntry", 3],
    ["the 1st G/L entry insert", "glEntry", 1],
    ["the start of the G/L commit", "start", 1],
    ["the end of the G/L commit (last writer step)", "end", 1],
  ])("failure at %s", async (_label, stage, occurrence) => {
    const engine = await fixtureCompany();
    const no = createS01Invoice(engine);
    const counts = ledgerCounts(engine);
    const changeCount = engine.changeCount;
    const before = engine.export();

    const seen = failAt(stage, occurrence);
    const res = engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no } });
    faultInjection.hook = undefined;

    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain("injected failure");
    expect(seen.filter((s) => s === stage).length).toBe(occurrence); // the hook really was reached
    expect(sameBytes(engine.export(), before)).toBe(true);
    expect(ledgerCounts(engine)).toEqual(counts);
    expect(engine.changeCount).toBe(changeCount);
    expect(salesHeader(engine, no)).toHaveLength(1);

    // nothing is left half-open: the same document now posts, with the first posted number
    const posted = expectOk(
      engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no } }),
    ) as { invoiceNo: string };
    expect(posted.invoiceNo).toBe("103001");
    expect(salesHeader(engine, no)).toHaveLength(0);
    engine.close();
  });

  it("the 3rd G/L entry is reached in the S1 posting (which writes at least 5)", async () => {
    const engine = await fixtureCompany();
    const no = createS01Invoice(engine);
    const seen: string[] = [];
    faultInjection.hook = (s) => void seen.push(s);
    expectOk(engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no } }));
    expect(seen.filter((s) => s === "glEntry").length).toBeGreaterThanOrEqual(5);
    expect(seen[0]).toBe("start");
    expect(seen[seen.length - 1]).toBe("end");
    engine.close();
  });
});

describe("a failed validation leaves the database as it was", () => {
  it("createSalesDocument with several bad lines: every problem reported, nothing written, no number used", async () => {
    const engine = await fixtureCompany();
    const before = engine.export();
    const res = engine.dispatch({
      do: "createSalesDocument",
      with: {
        documentType: "Invoice",
        sellToCustomerNo: "C10000",
        postingDate: "2025-01-15",
        lines: [
          { type: "Item", no: "NOPE", quantity: 1 },
          { type: "Item", no: "1000", quantity: 1, unitPrice: "10", lineDiscountPct: 150 },
          { type: "Item", no: "1000", quantity: 1, unitPrice: "1.123456" },
          { type: "Item", no: "1000", quantity: 2, unitPrice: "100" },
        ],
      },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(["validation", "input"]).toContain(res.error.code);
    expect(res.error.details.map((d) => d.lineNo)).toEqual([10000, 20000, 30000]);
    expect(res.error.message.split("\n")).toHaveLength(3);
    expect(sameBytes(engine.export(), before)).toBe(true);
    const rows = expectOk(engine.dispatch({ do: "read", with: { table: "salesHeader" } })) as {
      rows: unknown[];
    };
    expect(rows.rows).toHaveLength(0);
    // the number series was not advanced: the next document still gets the first number
    expect(createS01Invoice(engine)).toBe("SI1001");
    engine.close();
  });

  it("each line's detail names the field that is wrong", async () => {
    const engine = await fixtureCompany();
    const res = engine.dispatch({
      do: "createSalesDocument",
      with: {
        documentType: "Invoice",
        sellToCustomerNo: "C10000",
        lines: [
          { type: "Item", no: "NOPE", quantity: 1 },
          { type: "Item", no: "1000", quantity: 1, unitPrice: "10", lineDiscountPct: 150 },
          { type: "Item", no: "1000", quantity: 1, unitPrice: "1.123456" },
        ],
      },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.details.map((d) => [d.lineNo, d.field])).toEqual([
      [10000, "no"],
      [20000, "lineDiscountPct"],
      [30000, "unitPrice"],
    ]);
    engine.close();
  });
});

/**
 * SQLite does not journal a free-list page it reuses, so a rolled-back command would leave its rows in
 * such pages. The engine keeps no free pages between commands (auto_vacuum FULL; older files are
 * vacuumed at open), so the promise holds on files that had free pages and after deletes.
 */
describe("a failed command leaves the bytes as they were, on a file that had free pages", () => {
  const badDocument = {
    do: "createSalesDocument",
    with: {
      documentType: "Order",
      sellToCustomerNo: "C10000",
      postingDate: "2025-01-15",
      lines: [
        ...Array.from({ length: 40 }, () => ({
          type: "Item",
          no: "1000",
          quantity: 1,
          description: "y".repeat(100),
        })),
        { type: "Item", no: "NOPE", quantity: 1 },
      ],
    },
  };

  it("an older file with free pages: a failed validation and a posting failed half-way change no byte", async () => {
    const bytes = await fixtureBytesWithFreePages();
    expect(freelistCount(bytes)).toBeGreaterThan(10);
    const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE });
    const no = createS01Invoice(engine);

    let before = engine.export();
    expect(engine.dispatch(badDocument).ok).toBe(false);
    expect(sameBytes(engine.export(), before)).toBe(true);

    before = engine.export();
    failAt("glEntry", 3);
    expect(engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no } }).ok).toBe(
      false,
    );
    faultInjection.hook = undefined;
    expect(sameBytes(engine.export(), before)).toBe(true);
    engine.close();
  });

  it("documents deleted by commands leave no free page for the next failed command to change", async () => {
    const engine = await fixtureCompany();
    const [first, ...others] = createBulkyOrders(engine, 12);
    for (const no of others) {
      for (let lineNo = 10000; lineNo <= 200000; lineNo += 10000)
        expectOk(engine.dispatch({ do: "deleteSalesLine", with: { documentType: "Order", no, lineNo } }));
    }
    expect(first).toBeDefined();
    const before = engine.export();
    expect(freelistCount(before)).toBe(0);
    expect(engine.dispatch(badDocument).ok).toBe(false);
    expect(sameBytes(engine.export(), before)).toBe(true);
    engine.close();
  });
});
