import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import type { ErrorDetail } from "../../../engine/kernel/errors.js";
import { expectOk, expectUnchanged, fixtureEngine, fixtureUpserts, newEngine, upsert } from "./helpers.js";

describe("fixture", () => {
  it("every upsert step of fixtures/standard.json passes validation", async () => {
    const engine = await newEngine();
    const steps = fixtureUpserts();
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) {
      const res = engine.dispatch({ do: "upsert", with: step.with });
      expect(res.ok ? "ok" : res.error.message).toBe("ok");
    }
  });
});

interface RefusedCase {
  name: string;
  table: string;
  rows: unknown[];
  /** Every detail, in order: message, field and key (table is the case's table). */
  errors: { message: string; field: string; key?: Record<string, string> }[];
}

const refused: RefusedCase[] = [
  {
    name: "customer: unknown posting groups, payment terms and bill-to customer",
    table: "customer",
    rows: [
      {
        no: "C40000",
        customerPostingGroup: "XYZ",
        genBusPostingGroup: "EXPORT",
        vatBusPostingGroup: "EU",
        paymentTermsCode: "30D",
        billToCustomerNo: "C99999",
        locationCode: "BLUE",
      },
    ],
    errors: [
      {
        message: "customer C40000: Bill-to Customer No. 'C99999' does not exist.",
        field: "billToCustomerNo",
      },
      {
        message: "customer C40000: Customer Posting Group 'XYZ' does not exist.",
        field: "customerPostingGroup",
      },
      {
        message: "customer C40000: Gen. Bus. Posting Group 'EXPORT' does not exist.",
        field: "genBusPostingGroup",
      },
      {
        message: "customer C40000: VAT Bus. Posting Group 'EU' does not exist.",
        field: "vatBusPostingGroup",
      },
      { message: "customer C40000: Payment Terms Code '30D' does not exist.", field: "paymentTermsCode" },
      { message: "customer C40000: Location Code 'BLUE' does not exist.", field: "locationCode" },
    ].map((e) => ({ ...e, key: { no: "C40000" } })),
  },
  {
    name: "customer: merged row is validated (only the changed field is given)",
    table: "customer",
    rows: [{ no: "c10000", customerPostingGroup: "xyz" }],
    errors: [
      {
        message: "customer C10000: Customer Posting Group 'XYZ' does not exist.",
        field: "customerPostingGroup",
        key: { no: "C10000" },
      },
    ],
  },
  {
    name: "customer: credit limit and prepayment % out of range, blank No. in another row",
    table: "customer",
    rows: [
      { no: "C10000", creditLimitLcy: "-0.01", prepaymentPct: 100.5 },
      { no: "", name: "Nameless" },
    ],
    errors: [
      {
        message: "customer C10000: Credit Limit (LCY) must be 0 or more, not -0.01.",
        field: "creditLimitLcy",
        key: { no: "C10000" },
      },
      {
        message: "customer C10000: Prepayment % must be between 0 and 100, not 100.5.",
        field: "prepaymentPct",
        key: { no: "C10000" },
      },
      { message: "customer row 2: No. must have a value.", field: "no", key: { no: "" } },
    ],
  },
  {
    name: "customer: input errors and rule errors are reported together",
    table: "customer",
    rows: [{ no: "C10000", blocked: "Everything", customerPostingGroup: "NONE" }],
    errors: [
      {
        message: `customer C10000: customer.blocked must be one of " ", "Ship", "Invoice", "All", not "Everything".`,
        field: "blocked",
        key: { no: "C10000" },
      },
      {
        message: "customer C10000: Customer Posting Group 'NONE' does not exist.",
        field: "customerPostingGroup",
        key: { no: "C10000" },
      },
    ],
  },
  {
    name: "customer: missing key field",
    table: "customer",
    rows: [{ name: "No number" }],
    errors: [{ message: "customer row 1: the key field 'no' is missing.", field: "no", key: {} }],
  },
  {
    name: "item: negative prices and costs, unknown groups and unit of measure",
    table: "item",
    rows: [
      {
        no: "1000",
        unitPrice: "-1",
        unitCost: "-0.5",
        standardCost: "-2",
        lastDirectCost: "-3",
        genProdPostingGroup: "WHOLESALE",
        baseUnitOfMeasure: "BOX",
      },
    ],
    errors: [
      { message: "item 1000: Base Unit of Measure 'BOX' does not exist.", field: "baseUnitOfMeasure" },
      {
        message: "item 1000: Gen. Prod. Posting Group 'WHOLESALE' does not exist.",
        field: "genProdPostingGroup",
      },
      { message: "item 1000: Unit Price must be 0 or more, not -1.", field: "unitPrice" },
      { message: "item 1000: Unit Cost must be 0 or more, not -0.5.", field: "unitCost" },
      { message: "item 1000: Standard Cost must be 0 or more, not -2.", field: "standardCost" },
      { message: "item 1000: Last Direct Cost must be 0 or more, not -3.", field: "lastDirectCost" },
    ].map((e) => ({ ...e, key: { no: "1000" } })),
  },
  {
    name: "item: Service and Non-Inventory items have no Inventory Posting Group",
    table: "item",
    rows: [
      { no: "S100", type: "Service", inventoryPostingGroup: "RESALE" },
      { no: "1001", type: "Non-Inventory" },
    ],
    errors: [
      {
        message:
          "item S100: Inventory Posting Group must be blank for an item of type Service, not 'RESALE'.",
        field: "inventoryPostingGroup",
        key: { no: "S100" },
      },
      {
        message:
          "item 1001: Inventory Posting Group must be blank for an item of type Non-Inventory, not 'RESALE'.",
        field: "inventoryPostingGroup",
        key: { no: "1001" },
      },
    ],
  },
  {
    name: "glAccount: blank No. and unknown posting groups",
    table: "glAccount",
    rows: [
      { no: "", name: "x" },
      { no: "6130", vatProdPostingGroup: "VAT99" },
    ],
    errors: [
      { message: "glAccount row 1: No. must have a value.", field: "no", key: { no: "" } },
      {
        message: "glAccount 6130: VAT Prod. Posting Group 'VAT99' does not exist.",
        field: "vatProdPostingGroup",
        key: { no: "6130" },
      },
    ],
  },
  {
    name: "groups: blank codes",
    table: "genProductPostingGroup",
    rows: [{ code: "", description: "blank" }],
    errors: [
      { message: "genProductPostingGroup row 1: Code must have a value.", field: "code", key: { code: "" } },
    ],
  },
  {
    name: "customerPostingGroup: unknown G/L accounts",
    table: "customerPostingGroup",
    rows: [{ code: "FOREIGN", receivablesAccount: "2320", paymentDiscDebitAcc: "9251" }],
    errors: [
      {
        message: "customerPostingGroup FOREIGN: Receivables Account '2320' does not exist.",
        field: "receivablesAccount",
      },
      {
        message: "customerPostingGroup FOREIGN: Payment Disc. Debit Acc. '9251' does not exist.",
        field: "paymentDiscDebitAcc",
      },
    ].map((e) => ({ ...e, key: { code: "FOREIGN" } })),
  },
  {
    name: "generalPostingSetup: unknown group and account (composite key)",
    table: "generalPostingSetup",
    rows: [{ genBusPostingGroup: "", genProdPostingGroup: "SERVICES", salesAccount: "6999" }],
    errors: [
      {
        message: "generalPostingSetup ('', SERVICES): Gen. Prod. Posting Group 'SERVICES' does not exist.",
        field: "genProdPostingGroup",
      },
      {
        message: "generalPostingSetup ('', SERVICES): Sales Account '6999' does not exist.",
        field: "salesAccount",
      },
    ].map((e) => ({ ...e, key: { genBusPostingGroup: "", genProdPostingGroup: "SERVICES" } })),
  },
  {
    name: "vatPostingSetup: VAT % out of range",
    table: "vatPostingSetup",
    rows: [
      { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT21", vatPct: "121" },
      { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT10", vatPct: "-10" },
    ],
    errors: [
      {
        message: "vatPostingSetup (DOMESTIC, VAT21): VAT % must be between 0 and 100, not 121.",
        field: "vatPct",
        key: { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT21" },
      },
      {
        message: "vatPostingSetup (DOMESTIC, VAT10): VAT % must be between 0 and 100, not -10.",
        field: "vatPct",
        key: { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT10" },
      },
    ],
  },
  {
    name: "inventoryPostingSetup: unknown location and account",
    table: "inventoryPostingSetup",
    rows: [{ locationCode: "BLUE", invtPostingGroupCode: "RESALE", inventoryAccount: "2120" }],
    errors: [
      {
        message: "inventoryPostingSetup (BLUE, RESALE): Location Code 'BLUE' does not exist.",
        field: "locationCode",
      },
      {
        message: "inventoryPostingSetup (BLUE, RESALE): Inventory Account '2120' does not exist.",
        field: "inventoryAccount",
      },
    ].map((e) => ({ ...e, key: { locationCode: "BLUE", invtPostingGroupCode: "RESALE" } })),
  },
  {
    name: "paymentTerms: discount % above 100",
    table: "paymentTerms",
    rows: [{ code: "BAD", discountPct: "100.00001" }],
    errors: [
      {
        message: "paymentTerms BAD: Discount % must be between 0 and 100, not 100.00001.",
        field: "discountPct",
        key: { code: "BAD" },
      },
    ],
  },
  {
    name: "custInvoiceDisc: negative minimum amount and service charge, discount % above 100",
    table: "custInvoiceDisc",
    rows: [
      { code: "C20000", currencyCode: "", minimumAmount: "-100", discountPct: "150", serviceCharge: "-1" },
    ],
    errors: [
      {
        message: "custInvoiceDisc (C20000, '', -100): Discount % must be between 0 and 100, not 150.",
        field: "discountPct",
      },
      {
        message: "custInvoiceDisc (C20000, '', -100): Minimum Amount must be 0 or more, not -100.",
        field: "minimumAmount",
      },
      {
        message: "custInvoiceDisc (C20000, '', -100): Service Charge must be 0 or more, not -1.",
        field: "serviceCharge",
      },
    ].map((e) => ({ ...e, key: { code: "C20000", currencyCode: "", minimumAmount: "-100" } })),
  },
  {
    name: "noSeries: Starting No. must have a value and end in a number",
    table: "noSeries",
    rows: [
      { code: "A", startingNo: "" },
      { code: "B", startingNo: "SO-X" },
    ],
    errors: [
      { message: "noSeries A: Starting No. must have a value.", field: "startingNo", key: { code: "A" } },
      {
        message: "noSeries B: Starting No. 'SO-X' must end in a number.",
        field: "startingNo",
        key: { code: "B" },
      },
    ],
  },
  {
    name: "noSeries: Ending No. and Warning No. must fit the range; Increment-by No. at least 1",
    table: "noSeries",
    rows: [
      { code: "C", startingNo: "SO1001", endingNo: "SO999", warningNo: "XX1500", incrementByNo: 0 },
      { code: "D", startingNo: "SO1001", endingNo: "SO1000", warningNo: "SO0999" },
      { code: "E", startingNo: "SO1001", endingNo: "SO1999", warningNo: "SO2000", lastNoUsed: "ABC" },
    ],
    errors: [
      {
        message:
          "noSeries C: Ending No. 'SO999' must have the same prefix and length as Starting No. 'SO1001'.",
        field: "endingNo",
        key: { code: "C" },
      },
      {
        message:
          "noSeries C: Warning No. 'XX1500' must have the same prefix and length as Starting No. 'SO1001'.",
        field: "warningNo",
        key: { code: "C" },
      },
      {
        message: "noSeries C: Increment-by No. must be at least 1, not 0.",
        field: "incrementByNo",
        key: { code: "C" },
      },
      {
        message: "noSeries D: Ending No. 'SO1000' must not be less than Starting No. 'SO1001'.",
        field: "endingNo",
        key: { code: "D" },
      },
      {
        message: "noSeries D: Warning No. 'SO0999' must not be less than Starting No. 'SO1001'.",
        field: "warningNo",
        key: { code: "D" },
      },
      {
        message: "noSeries E: Warning No. 'SO2000' must not be greater than Ending No. 'SO1999'.",
        field: "warningNo",
        key: { code: "E" },
      },
      {
        message: "noSeries E: Last No. Used 'ABC' must end in a number.",
        field: "lastNoUsed",
        key: { code: "E" },
      },
    ],
  },
  {
    name: "noSeries: the merged row is validated (Ending No. below the stored Starting No.)",
    table: "noSeries",
    rows: [{ code: "S-ORD", endingNo: "SO1000" }],
    errors: [
      {
        message: "noSeries S-ORD: Ending No. 'SO1000' must not be less than Starting No. 'SO1001'.",
        field: "endingNo",
        key: { code: "S-ORD" },
      },
    ],
  },
  {
    name: "salesReceivablesSetup: unknown number series (singleton: no key)",
    table: "salesReceivablesSetup",
    rows: [{ orderNos: "S-ORD2", postedInvoiceNos: "NONE" }],
    errors: [
      { message: "salesReceivablesSetup: Order Nos. 'S-ORD2' does not exist.", field: "orderNos" },
      {
        message: "salesReceivablesSetup: Posted Invoice Nos. 'NONE' does not exist.",
        field: "postedInvoiceNos",
      },
    ],
  },
  {
    name: "generalLedgerSetup: posting range and rounding precisions",
    table: "generalLedgerSetup",
    rows: [
      {
        allowPostingFrom: "2025-02-01",
        allowPostingTo: "2025-01-31",
        amountRoundingPrecision: "0",
        unitAmountRoundingPrecision: "-0.00001",
        vatTolerancePct: "101",
        maxVatDifferenceAllowed: "-1",
      },
    ],
    errors: [
      {
        message:
          "generalLedgerSetup: Allow Posting From (2025-02-01) must not be after Allow Posting To (2025-01-31).",
        field: "allowPostingFrom",
      },
      {
        message: "generalLedgerSetup: Amount Rounding Precision must be greater than 0, not 0.",
        field: "amountRoundingPrecision",
      },
      {
        message: "generalLedgerSetup: Unit-Amount Rounding Precision must be greater than 0, not -0.00001.",
        field: "unitAmountRoundingPrecision",
      },
      {
        message: "generalLedgerSetup: VAT Tolerance % must be between 0 and 100, not 101.",
        field: "vatTolerancePct",
      },
      {
        message: "generalLedgerSetup: Max. VAT Difference Allowed must be 0 or more, not -1.",
        field: "maxVatDifferenceAllowed",
      },
    ],
  },
  {
    name: "generalLedgerSetup: merged range (only Allow Posting To given)",
    table: "generalLedgerSetup",
    rows: [{ allowPostingFrom: "2025-03-01" }, { allowPostingTo: "2025-02-28" }],
    errors: [
      {
        message:
          "generalLedgerSetup: Allow Posting From (2025-03-01) must not be after Allow Posting To (2025-02-28).",
        field: "allowPostingFrom",
      },
    ],
  },
];

describe("upsert refuses invalid rows, reports every problem, writes nothing", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await fixtureEngine();
  });

  it.each(refused)("$name", (c) => {
    const res = expectUnchanged(engine, () => upsert(engine, c.table, c.rows));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("validation");
    const expected: ErrorDetail[] = c.errors.map((e) => ({
      message: e.message,
      table: c.table,
      field: e.field,
      ...(e.key ? { key: e.key } : {}),
    }));
    expect(res.error.details).toEqual(expected);
    expect(res.error.message).toBe(c.errors.map((e) => e.message).join("\n"));
  });

  it("a refused batch writes none of its valid rows", () => {
    const res = expectUnchanged(engine, () =>
      upsert(engine, "customer", [
        { no: "C50000", name: "Valid" },
        { no: "C60000", customerPostingGroup: "NOPE" },
      ]),
    );
    expect(res.ok).toBe(false);
    expect(engine.repo.get("customer", "C50000")).toBeUndefined();
  });
});

describe("upsert accepts", () => {
  it("blank group codes in posting set-up keys and a blank currency in invoice discounts", async () => {
    const engine = await fixtureEngine();
    expectOk(
      upsert(engine, "vatPostingSetup", [{ vatBusPostingGroup: "", vatProdPostingGroup: "", vatPct: 0 }]),
    );
    expectOk(upsert(engine, "generalPostingSetup", [{ genBusPostingGroup: "", genProdPostingGroup: "" }]));
    expectOk(upsert(engine, "inventoryPostingSetup", [{ locationCode: "", invtPostingGroupCode: "" }]));
    expectOk(
      upsert(engine, "custInvoiceDisc", [
        { code: "C20000", currencyCode: "", minimumAmount: "0", discountPct: "100" },
      ]),
    );
  });

  it("a reference to a row given in the same upsert (bill-to customer)", async () => {
    const engine = await fixtureEngine();
    expectOk(
      upsert(engine, "customer", [
        { no: "C70000", billToCustomerNo: "C71000" },
        { no: "C71000", billToCustomerNo: "C71000" },
      ]),
    );
    expect(engine.repo.get("customer", "C70000")!.billToCustomerNo).toBe("C71000");
  });

  it("boundary values: 0 and 100 %, zero prices, equal Starting/Ending No.", async () => {
    const engine = await fixtureEngine();
    expectOk(upsert(engine, "customer", [{ no: "C10000", prepaymentPct: "100", creditLimitLcy: "0" }]));
    expectOk(upsert(engine, "item", [{ no: "1000", unitPrice: "0", unitCost: "0" }]));
    expectOk(
      upsert(engine, "noSeries", [{ code: "ONE", startingNo: "X1", endingNo: "X1", warningNo: "X1" }]),
    );
    expectOk(
      upsert(engine, "generalLedgerSetup", [
        { allowPostingFrom: "2025-01-31", allowPostingTo: "2025-01-31" },
      ]),
    );
  });

  it("defaults a blank VAT Identifier to the VAT Prod. Posting Group", async () => {
    const engine = await fixtureEngine();
    expectOk(
      upsert(engine, "vatPostingSetup", [
        { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT21", vatIdentifier: "" },
      ]),
    );
    expect(engine.repo.get("vatPostingSetup", "DOMESTIC", "VAT21")!.vatIdentifier).toBe("VAT21");
    expect(engine.repo.get("vatPostingSetup", "DOMESTIC", "VAT10")!.vatIdentifier).toBe("VAT10");
  });

  it("merges: fields not given keep their value; the same key twice in one batch merges in order", async () => {
    const engine = await fixtureEngine();
    const res = expectOk(
      upsert(engine, "customer", [
        { no: "C10000", name: "Renamed" },
        { no: "C10000", creditLimitLcy: "500" },
      ]),
    );
    expect(res).toEqual({ count: 2, warnings: [], warningDetails: [] });
    const c = engine.repo.get("customer", "C10000")!;
    expect(c.name).toBe("Renamed");
    expect(c.creditLimitLcy.toFixed(2)).toBe("500.00");
    expect(c.customerPostingGroup).toBe("DOMESTIC");
    expect(c.city).toBe("Atlanta");
  });

  it("unknown and non-master tables are refused as input errors", async () => {
    const engine = await newEngine();
    const doc = upsert(engine, "salesHeader", [{}]);
    expect(doc.ok ? "" : doc.error.message).toBe(
      "upsert: 'salesHeader' is not a set-up or master data table.",
    );
    const unknown = upsert(engine, "noSuchTable", [{ no: "V1" }]);
    expect(unknown.ok ? "" : unknown.error.code).toBe("input");
  });
});

describe("item rules that depend on ledger entries", () => {
  function addEntry(engine: Engine, itemNo: string): void {
    engine.db.transaction(() =>
      engine.repo.insert("itemLedgerEntry", {
        entryNo: engine.repo.nextNo("itemLedgerEntry"),
        itemNo,
        postingDate: "2025-01-02",
        entryType: "Positive Adjmt.",
      }),
    );
  }

  it("Costing Method and Type may change while the item has no ledger entries", async () => {
    const engine = await fixtureEngine();
    expectOk(upsert(engine, "item", [{ no: "1000", costingMethod: "Average" }]));
    expectOk(upsert(engine, "item", [{ no: "1000", type: "Non-Inventory", inventoryPostingGroup: "" }]));
    expect(engine.repo.get("item", "1000")!.costingMethod).toBe("Average");
  });

  it("Costing Method and Type are fixed once ledger entries exist", async () => {
    const engine = await fixtureEngine();
    addEntry(engine, "1001");
    const res = expectUnchanged(engine, () =>
      upsert(engine, "item", [
        { no: "1001", costingMethod: "Standard", type: "Service", inventoryPostingGroup: "" },
      ]),
    );
    expect(res.ok ? [] : res.error.details).toEqual([
      {
        message:
          "item 1001: You cannot change Costing Method because there are one or more ledger entries for this item.",
        table: "item",
        key: { no: "1001" },
        field: "costingMethod",
      },
      {
        message:
          "item 1001: You cannot change the Type field on Item 1001 because at least one Item Ledger Entry exists for this item.",
        table: "item",
        key: { no: "1001" },
        field: "type",
      },
    ]);
    // Re-stating the same method, and other fields, are still fine.
    expectOk(upsert(engine, "item", [{ no: "1001", costingMethod: "FIFO", unitPrice: "35" }]));
  });
});
