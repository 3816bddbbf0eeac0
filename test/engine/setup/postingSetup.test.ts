import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { tableDef } from "../../../engine/db/schema/index.js";
import type { ErrorDetail } from "../../../engine/kernel/errors.js";
import { ACCOUNT_FIELD_CAPTIONS, fieldCaption } from "../../../engine/setup/captions.js";
import {
  checkGlAccount,
  getCustomerPostingGroup,
  getGeneralPostingSetup,
  getInventoryPostingSetup,
  getVatPostingSetup,
  keyText,
  requireAccount,
} from "../../../engine/setup/postingSetup.js";
import { caught } from "../../helpers/errors.js";
import { expectOk, fixtureEngine, upsert } from "../master/helpers.js";

describe("posting set-up look-ups", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await fixtureEngine();
    expectOk(upsert(engine, "genProductPostingGroup", [{ code: "SERVICES" }]));
    expectOk(
      upsert(engine, "generalPostingSetup", [
        { genBusPostingGroup: "DOMESTIC", genProdPostingGroup: "SERVICES", blocked: true },
      ]),
    );
    expectOk(
      upsert(engine, "vatPostingSetup", [
        { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT10", blocked: false },
        { vatBusPostingGroup: "", vatProdPostingGroup: "VAT21", blocked: true },
      ]),
    );
  });

  it("find existing rows, blank group codes included", () => {
    expect(getGeneralPostingSetup(engine.repo, "DOMESTIC", "RETAIL").salesAccount).toBe("6110");
    expect(getGeneralPostingSetup(engine.repo, "", "RETAIL").inventoryAdjmtAccount).toBe("7180");
    expect(getVatPostingSetup(engine.repo, "DOMESTIC", "VAT21").vatPct.toFixed()).toBe("21");
    expect(getInventoryPostingSetup(engine.repo, "", "RESALE").inventoryAccount).toBe("2110");
    expect(getCustomerPostingGroup(engine.repo, "DOMESTIC").receivablesAccount).toBe("2310");
  });

  const missing: {
    name: string;
    run: (e: Engine) => unknown;
    message: string;
    detail: Omit<ErrorDetail, "message">;
  }[] = [
    {
      name: "General Posting Setup",
      run: (e) => getGeneralPostingSetup(e.repo, "EXPORT", "RETAIL"),
      message:
        "The General Posting Setup does not exist. Identification fields and values: Gen. Bus. Posting Group='EXPORT',Gen. Prod. Posting Group='RETAIL'",
      detail: {
        table: "generalPostingSetup",
        key: { genBusPostingGroup: "EXPORT", genProdPostingGroup: "RETAIL" },
      },
    },
    {
      name: "VAT Posting Setup",
      run: (e) => getVatPostingSetup(e.repo, "DOMESTIC", "VAT5"),
      message:
        "The VAT Posting Setup does not exist. Identification fields and values: VAT Bus. Posting Group='DOMESTIC',VAT Prod. Posting Group='VAT5'",
      detail: {
        table: "vatPostingSetup",
        key: { vatBusPostingGroup: "DOMESTIC", vatProdPostingGroup: "VAT5" },
      },
    },
    {
      name: "Inventory Posting Setup",
      run: (e) => getInventoryPostingSetup(e.repo, "BLUE", "RESALE"),
      message:
        "The Inventory Posting Setup does not exist. Identification fields and values: Location Code='BLUE',Invt. Posting Group Code='RESALE'",
      detail: {
        table: "inventoryPostingSetup",
        key: { locationCode: "BLUE", invtPostingGroupCode: "RESALE" },
      },
    },
    {
      name: "Customer Posting Group",
      run: (e) => getCustomerPostingGroup(e.repo, "FOREIGN"),
      message: "The Customer Posting Group does not exist. Identification fields and values: Code='FOREIGN'",
      detail: { table: "customerPostingGroup", key: { code: "FOREIGN" } },
    },
    {
      name: "blocked General Posting Setup",
      run: (e) => getGeneralPostingSetup(e.repo, "DOMESTIC", "SERVICES"),
      message:
        "The General Posting Setup Gen. Bus. Posting Group='DOMESTIC',Gen. Prod. Posting Group='SERVICES' is blocked.",
      detail: {
        table: "generalPostingSetup",
        key: { genBusPostingGroup: "DOMESTIC", genProdPostingGroup: "SERVICES" },
      },
    },
    {
      name: "blocked VAT Posting Setup",
      run: (e) => getVatPostingSetup(e.repo, "", "VAT21"),
      message: "The VAT Posting Setup VAT Bus. Posting Group='',VAT Prod. Posting Group='VAT21' is blocked.",
      detail: { table: "vatPostingSetup", key: { vatBusPostingGroup: "", vatProdPostingGroup: "VAT21" } },
    },
  ];

  it.each(missing)("$name: posting error with Business Central's text", ({ run, message, detail }) => {
    const err = caught(() => run(engine));
    expect(err.code).toBe("posting");
    expect(err.message).toBe(message);
    expect(err.details).toEqual([{ message, ...detail }]);
  });

  it("the caller's context replaces the default detail", () => {
    const at = { table: "salesLine", documentType: "Invoice", documentNo: "SI1001", lineNo: 10000 };
    const err = caught(() => getGeneralPostingSetup(engine.repo, "EXPORT", "RETAIL", at));
    expect(err.details).toEqual([{ message: err.message, ...at }]);
  });
});

describe("requireAccount", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await fixtureEngine();
    expectOk(
      upsert(engine, "glAccount", [
        { no: "6000", name: "Sales (heading)", accountType: "Heading" },
        { no: "6111", name: "Blocked sales", blocked: true },
      ]),
    );
  });

  const cases: { table: string; field: string; caption: string; tableCaption: string }[] = [
    {
      table: "generalPostingSetup",
      field: "salesAccount",
      caption: "Sales Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "cogsAccount",
      caption: "COGS Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "salesInvDiscAccount",
      caption: "Sales Inv. Disc. Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "salesLineDiscAccount",
      caption: "Sales Line Disc. Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "directCostAppliedAccount",
      caption: "Direct Cost Applied Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "inventoryAdjmtAccount",
      caption: "Inventory Adjmt. Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "purchaseVarianceAccount",
      caption: "Purchase Variance Account",
      tableCaption: "General Posting Setup",
    },
    {
      table: "generalPostingSetup",
      field: "cogsAccountInterim",
      caption: "COGS Account (Interim)",
      tableCaption: "General Posting Setup",
    },
    {
      table: "inventoryPostingSetup",
      field: "inventoryAccount",
      caption: "Inventory Account",
      tableCaption: "Inventory Posting Setup",
    },
    {
      table: "inventoryPostingSetup",
      field: "inventoryAccountInterim",
      caption: "Inventory Account (Interim)",
      tableCaption: "Inventory Posting Setup",
    },
    {
      table: "customerPostingGroup",
      field: "receivablesAccount",
      caption: "Receivables Account",
      tableCaption: "Customer Posting Group",
    },
    {
      table: "customerPostingGroup",
      field: "paymentDiscDebitAcc",
      caption: "Payment Disc. Debit Acc.",
      tableCaption: "Customer Posting Group",
    },
    {
      table: "customerPostingGroup",
      field: "invoiceRoundingAccount",
      caption: "Invoice Rounding Account",
      tableCaption: "Customer Posting Group",
    },
    {
      table: "vatPostingSetup",
      field: "salesVatAccount",
      caption: "Sales VAT Account",
      tableCaption: "VAT Posting Setup",
    },
  ];

  it.each(cases)("$caption must have a value in $tableCaption", ({ table, field, caption, tableCaption }) => {
    const row: Record<string, string> = { [field]: "" };
    const err = caught(() => requireAccount(row, field, tableCaption, "Key=X"));
    const message = `${caption} must have a value in ${tableCaption}: Key=X. It cannot be zero or empty.`;
    expect(err.code).toBe("posting");
    expect(err.details).toEqual([{ message, table, field }]);
  });

  it("returns the account, and the TestField key text matches Business Central's", () => {
    const gps = getGeneralPostingSetup(engine.repo, "", "RETAIL");
    const text = keyText("generalPostingSetup", gps);
    expect(text).toBe("Gen. Bus. Posting Group=, Gen. Prod. Posting Group=RETAIL");
    expect(requireAccount(gps, "directCostAppliedAccount", "General Posting Setup", text, engine.repo)).toBe(
      "7170",
    );
    expect(caught(() => requireAccount(gps, "salesAccount", "General Posting Setup", text)).message).toBe(
      "Sales Account must have a value in General Posting Setup: Gen. Bus. Posting Group=, Gen. Prod. Posting Group=RETAIL. It cannot be zero or empty.",
    );
  });

  it.each([
    { no: "6999", message: "G/L Account 6999 does not exist." },
    { no: "6111", message: "G/L Account 6111 is blocked." },
    {
      no: "6000",
      message:
        "Account Type must be equal to 'Posting' in G/L Account: No.=6000. Current value is 'Heading'.",
    },
  ])("with a repo, refuses account $no: $message", ({ no, message }) => {
    const row = { salesAccount: no };
    const err = caught(() => requireAccount(row, "salesAccount", "General Posting Setup", "k", engine.repo));
    expect(err.code).toBe("posting");
    expect(err.details).toEqual([{ message, table: "glAccount", key: { no } }]);
    expect(caught(() => checkGlAccount(engine.repo, no)).message).toBe(message);
  });

  it("every G/L account field of the posting groups and setups has an explicit caption", () => {
    for (const table of [
      "customerPostingGroup",
      "generalPostingSetup",
      "vatPostingSetup",
      "inventoryPostingSetup",
    ]) {
      for (const col of tableDef(table)!.columns.filter((c) => c.ref === "glAccount")) {
        expect([table, col.name, ACCOUNT_FIELD_CAPTIONS[col.name] !== undefined]).toEqual([
          table,
          col.name,
          true,
        ]);
      }
    }
  });

  it.each([
    ["salesAccount", "Sales Account"],
    ["paymentDiscDebitAcc", "Payment Disc. Debit Acc."],
    ["invoiceRoundingAccount", "Invoice Rounding Account"],
    ["billToCustomerNo", "Bill-to Customer No."],
    ["vatBusPostingGroup", "VAT Bus. Posting Group"],
    ["creditLimitLcy", "Credit Limit (LCY)"],
    ["prepaymentPct", "Prepayment %"],
    ["paymentTermsCode", "Payment Terms Code"],
    ["customerPostingGroup", "Customer Posting Group"],
    ["baseUnitOfMeasure", "Base Unit of Measure"],
    ["someNewVatFieldNo", "Some New VAT Field No."],
  ])("fieldCaption(%s) = %s", (field, caption) => {
    expect(fieldCaption(field)).toBe(caption);
  });
});
