import { describe, expect, it } from "vitest";
import { Engine } from "../../../engine/api/index.js";
import { POSTING_LEDGERS } from "../../../engine/posting/commands.js";
import {
  createS01Invoice,
  expectOk,
  FIXTURE_WORK_DATE,
  fixtureCompany,
  sameBytes,
} from "../../helpers/company.js";
import { createBulkyOrders, fixtureBytesWithFreePages, freelistCount } from "../../helpers/freePages.js";

/**
 * Design 2: preview runs the real posting and rolls it back. It must show exactly the entries the
 * posting then writes, and leave the database bytes as they were.
 */
type Rows = Record<string, unknown>[];

function maxEntryNo(engine: Engine, table: string): number {
  return Number(engine.db.all(`SELECT COALESCE(MAX("entryNo"), 0) FROM "${table}"`)[0]![0]);
}

function rowsAfter(engine: Engine, table: string, after: number): Rows {
  const res = expectOk(engine.dispatch({ do: "read", with: { table } })) as { rows: Rows };
  return res.rows.filter((r) => Number(r.entryNo) > after);
}

async function parity(createDocument: (engine: Engine) => Record<string, unknown>) {
  const engine = await fixtureCompany();
  const doc = createDocument(engine);
  const start = Object.fromEntries(POSTING_LEDGERS.map((t) => [t, maxEntryNo(engine, t)]));
  const changeCount = engine.changeCount;

  const before = engine.export();
  const preview = expectOk(engine.dispatch({ do: "previewPosting", with: doc })) as {
    invoiceNo?: string;
    entries: Record<string, Rows>;
  };
  expect(sameBytes(engine.export(), before)).toBe(true);
  expect(engine.changeCount).toBe(changeCount);

  const posted = expectOk(engine.dispatch({ do: "postSalesDocument", with: doc })) as { invoiceNo?: string };
  expect(posted.invoiceNo).toBe(preview.invoiceNo);

  let total = 0;
  for (const t of POSTING_LEDGERS) {
    const written = rowsAfter(engine, t, start[t]!);
    expect(preview.entries[t], `preview of ${t}`).toEqual(written);
    total += written.length;
  }
  expect(total).toBeGreaterThan(0);
  engine.close();
}

describe("preview posting", () => {
  it("S1 invoice: preview shows exactly what posting writes, and changes no byte", async () => {
    await parity((engine) => ({ documentType: "Invoice", no: createS01Invoice(engine) }));
  });

  it("an order with two VAT rates, a line discount and a partial shipment and invoice", async () => {
    await parity((engine) => {
      const doc = expectOk(
        engine.dispatch({
          do: "createSalesDocument",
          with: {
            documentType: "Order",
            sellToCustomerNo: "C10000",
            postingDate: "2025-01-15",
            lines: [
              {
                type: "Item",
                no: "1001",
                quantity: 10,
                unitPrice: "33.33",
                lineDiscountPct: 18,
                qtyToShip: 3,
              },
              { type: "Item", no: "1002", quantity: 7, unitPrice: "15.55" },
            ],
          },
        }),
      ) as { no: string };
      return { documentType: "Order", no: doc.no, ship: true, invoice: true };
    });
  });

  it("preview of a document that cannot be posted fails and changes nothing", async () => {
    const engine = await fixtureCompany();
    const before = engine.export();
    const res = engine.dispatch({ do: "previewPosting", with: { documentType: "Invoice", no: "SI9999" } });
    expect(res.ok).toBe(false);
    expect(sameBytes(engine.export(), before)).toBe(true);
    engine.close();
  });
});

describe("preview on a file that had free pages", () => {
  it("a preview of a 20-line order changes no byte, and the posting then writes what it showed", async () => {
    const bytes = await fixtureBytesWithFreePages();
    expect(freelistCount(bytes)).toBeGreaterThan(10);
    const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE });
    const [no] = createBulkyOrders(engine, 1);
    const doc = { documentType: "Order", no, ship: true, invoice: true };
    const before = engine.export();
    const preview = expectOk(engine.dispatch({ do: "previewPosting", with: doc })) as {
      entries: Record<string, Rows>;
    };
    expect(sameBytes(engine.export(), before)).toBe(true);
    expect(preview.entries.glEntry!.length).toBeGreaterThan(0);
    expectOk(engine.dispatch({ do: "postSalesDocument", with: doc }));
    engine.close();
  });
});
