import { describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { checkLedgerInvariants } from "../../../engine/scenario/invariants.js";
import { fixtureCompany } from "../../helpers/company.js";

/** A small seeded generator, so a failure replays exactly. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ITEMS = ["1000", "1001", "1002"];
const CUSTOMERS = ["C10000", "C20000", "C30000"];

function ok(engine: Engine, command: string, input: unknown): Record<string, unknown> {
  const r = engine.dispatch({ do: command, with: input });
  if (!r.ok) throw new Error(`${command} ${JSON.stringify(input)} failed: ${r.error.message}`);
  return r.result as Record<string, unknown>;
}

/**
 * Random orders and invoices, shipped and invoiced in random parts, with discounts, prices incl. VAT
 * and an automatic invoice discount: after every command the ledgers keep their invariants, a refused
 * command is a business refusal (never an internal error), and fully invoiced orders disappear.
 */
describe("random postings keep the books consistent", () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}`, async () => {
      const engine = await fixtureCompany();
      const rand = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
      ok(engine, "upsert", { table: "salesReceivablesSetup", rows: [{ calcInvDiscount: true }] });
      ok(engine, "upsert", {
        table: "custInvoiceDisc",
        rows: [{ code: "C20000", currencyCode: "", minimumAmount: "0", discountPct: "3" }],
      });
      ok(engine, "upsert", { table: "customer", rows: [{ no: "C30000", pricesIncludingVat: true }] });
      ok(engine, "postItemJournal", {
        lines: ITEMS.map((itemNo) => ({
          entryType: "Purchase",
          itemNo,
          quantity: 5000,
          unitCost: "7.13",
          postingDate: "2025-01-03",
        })),
      });
      const open: string[] = [];
      for (let step = 0; step < 40; step++) {
        if (open.length === 0 || rand() < 0.4) {
          const documentType = rand() < 0.6 ? "Order" : "Invoice";
          const lines = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => ({
            type: "Item",
            no: pick(ITEMS),
            quantity: 1 + Math.floor(rand() * 9),
            unitPrice: (1 + Math.floor(rand() * 9000) / 100).toFixed(2),
            lineDiscountPct: String(Math.floor(rand() * 4) * 5),
          }));
          const created = ok(engine, "createSalesDocument", {
            documentType,
            sellToCustomerNo: pick(CUSTOMERS),
            lines,
          });
          open.push(`${documentType}|${String(created.no)}`);
        } else {
          const key = pick(open);
          const [documentType, no] = key.split("|") as [string, string];
          if (documentType === "Order") {
            const lines = (ok(engine, "read", { table: "salesLine", where: { documentType, documentNo: no } })
              .rows ?? []) as {
              lineNo: number;
              outstandingQuantity: string;
            }[];
            for (const l of lines) {
              const outstanding = Number(l.outstandingQuantity);
              const qty = Math.floor(rand() * (outstanding + 1));
              ok(engine, "updateSalesLine", { documentType, no, lineNo: l.lineNo, qtyToShip: qty });
            }
          }
          const ship = documentType === "Invoice" || rand() < 0.7;
          const invoice = documentType === "Invoice" || rand() < 0.6;
          const r = engine.dispatch({ do: "postSalesDocument", with: { documentType, no, ship, invoice } });
          if (!r.ok) expect(r.error.code, r.error.message).not.toBe("internal");
          const still = ok(engine, "read", { table: "salesHeader", where: { documentType, no } })
            .rows as unknown[];
          if (still.length === 0) open.splice(open.indexOf(key), 1);
        }
        expect(checkLedgerInvariants(engine.db), `after step ${step}`).toEqual([]);
      }
      const posted = ok(engine, "read", { table: "salesInvoiceHeader" }).rows as unknown[];
      expect(posted.length).toBeGreaterThan(0);
    }, 120_000);
  }
});
