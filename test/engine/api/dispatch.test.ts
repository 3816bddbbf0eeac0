import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, Engine } from "../../../engine/api/index.js";
import {
  createS01Invoice,
  expectOk,
  fixtureCompany,
  postS01Invoice,
  sameBytes,
} from "../../helpers/company.js";

/**
 * The command boundary (design 2, api/): plain JSON in and out. A bad request is answered with
 * ok:false, a stable code, a message that names the field, and no change to the database.
 */
let engine: Engine;
let invoiceNo: string;

beforeAll(async () => {
  engine = await fixtureCompany();
  invoiceNo = createS01Invoice(engine);
});

type Failure = { code: string; message: string; details: { field?: string; lineNo?: number }[] };

function refused(request: unknown): Failure {
  const before = engine.export();
  const changeCount = engine.changeCount;
  const res = engine.dispatch(request);
  expect(res.ok, JSON.stringify(res)).toBe(false);
  expect(sameBytes(engine.export(), before)).toBe(true);
  expect(engine.changeCount).toBe(changeCount);
  return (res as { ok: false; error: Failure }).error;
}

const header = { documentType: "Invoice", sellToCustomerNo: "C10000", postingDate: "2025-01-15" };

describe("unknown commands and fields", () => {
  it("an unknown command is refused with the list of known commands", () => {
    const e = refused({ do: "postEverything", with: {} });
    expect(e.code).toBe("input");
    expect(e.message).toContain("Unknown command 'postEverything'");
    for (const name of Object.keys(COMMANDS)) expect(e.message).toContain(name);
  });

  it.each(["toString", "__proto__", "constructor", "hasOwnProperty"])(
    "an inherited property name (%s) is not a command",
    (name) => {
      const e = refused({ do: name });
      expect(e.code).toBe("input");
      expect(e.message).toContain(`Unknown command '${name}'`);
    },
  );

  it.each([
    ["createSalesDocument", { ...header, colour: "red" }, "colour"],
    ["postSalesDocument", { documentType: "Invoice", no: "SI1001", force: true }, "force"],
    ["read", { table: "customer", orderBy: "name" }, "orderBy"],
    ["setWorkDate", { workDate: "2025-01-15", timezone: "UTC" }, "timezone"],
  ])("%s refuses the unknown field %j", (command, input, field) => {
    const e = refused({ do: command, with: input });
    expect(e.code).toBe("input");
    expect(e.message).toContain(`'${field}'`);
  });

  it("a line field that does not exist is refused, naming the field and the line", () => {
    const e = refused({
      do: "createSalesDocument",
      with: { ...header, lines: [{ no: "1000", quantity: 1, colour: "red" }] },
    });
    expect(["input", "validation"]).toContain(e.code);
    expect(e.message).toContain("'colour'");
    expect(e.details[0]).toMatchObject({ field: "colour", lineNo: 10000 });
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["a list", [{ do: "read" }]],
    ["no 'do'", { with: {} }],
    ["a non-text 'do'", { do: 5 }],
    ["a non-object 'with'", { do: "read", with: 5 }],
    ["a list as 'with'", { do: "read", with: [] }],
  ])("a malformed request (%s) is refused, never thrown", (_label, request) => {
    const e = refused(request);
    expect(e.code).toBe("input");
    expect(e.message.length).toBeGreaterThan(10);
  });
});

describe("wrong types and values are refused, naming the field, changing nothing", () => {
  const cases: [label: string, request: () => unknown, field: string][] = [
    [
      'quantity "abc" on a new line',
      () => ({ do: "createSalesDocument", with: { ...header, lines: [{ no: "1000", quantity: "abc" }] } }),
      "quantity",
    ],
    [
      "quantity true on a new line",
      () => ({ do: "createSalesDocument", with: { ...header, lines: [{ no: "1000", quantity: true }] } }),
      "quantity",
    ],
    [
      'quantity "abc" on an existing line',
      () => ({
        do: "updateSalesLine",
        with: { documentType: "Invoice", no: invoiceNo, lineNo: 10000, quantity: "abc" },
      }),
      "quantity",
    ],
    [
      "quantity true on an existing line",
      () => ({
        do: "updateSalesLine",
        with: { documentType: "Invoice", no: invoiceNo, lineNo: 10000, quantity: true },
      }),
      "quantity",
    ],
    [
      "posting date 2025-13-01 on a new document",
      () => ({ do: "createSalesDocument", with: { ...header, postingDate: "2025-13-01" } }),
      "postingDate",
    ],
    [
      "posting date 2025-13-01 when posting",
      () => ({
        do: "postSalesDocument",
        with: { documentType: "Invoice", no: invoiceNo, postingDate: "2025-13-01" },
      }),
      "postingDate",
    ],
    [
      "document date 2025-02-30",
      () => ({
        do: "updateSalesHeader",
        with: { documentType: "Invoice", no: invoiceNo, documentDate: "2025-02-30" },
      }),
      "documentDate",
    ],
    [
      "unit price with 6 decimals on a new line",
      () => ({
        do: "createSalesDocument",
        with: { ...header, lines: [{ no: "1000", quantity: 1, unitPrice: "1.123456" }] },
      }),
      "unitPrice",
    ],
    [
      "unit price with 6 decimals as a JSON number",
      () => ({
        do: "updateSalesLine",
        with: { documentType: "Invoice", no: invoiceNo, lineNo: 10000, unitPrice: 1.123456 },
      }),
      "unitPrice",
    ],
    [
      "unit price with 6 decimals on an item",
      () => ({ do: "upsert", with: { table: "item", rows: [{ no: "1000", unitPrice: "1.123456" }] } }),
      "unitPrice",
    ],
    [
      "document type Bogus on a new document",
      () => ({ do: "createSalesDocument", with: { ...header, documentType: "Bogus" } }),
      "documentType",
    ],
    [
      "document type Bogus when posting",
      () => ({ do: "postSalesDocument", with: { documentType: "Bogus", no: invoiceNo } }),
      "documentType",
    ],
    [
      'ship "yes" when posting',
      () => ({ do: "postSalesDocument", with: { documentType: "Invoice", no: invoiceNo, ship: "yes" } }),
      "ship",
    ],
    [
      'line discount % "ten"',
      () => ({
        do: "createSalesDocument",
        with: { ...header, lines: [{ no: "1000", quantity: 1, lineDiscountPct: "ten" }] },
      }),
      "lineDiscountPct",
    ],
    ["work date 2025-02-30", () => ({ do: "setWorkDate", with: { workDate: "2025-02-30" } }), "workDate"],
  ];
  it.each(cases)("%s", (_label, request, field) => {
    const e = refused(request());
    expect(["input", "validation"]).toContain(e.code);
    expect(e.message.toLowerCase()).toContain(field.toLowerCase());
  });

  it("the document is untouched by all of the refused updates", () => {
    const res = expectOk(
      engine.dispatch({
        do: "read",
        with: { table: "salesLine", where: { documentType: "Invoice", documentNo: invoiceNo } },
      }),
    ) as { rows: Record<string, unknown>[] };
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({ quantity: "10", unitPrice: "100", lineAmount: "1000.00" });
  });

  it.each([
    [
      "document type on a new document",
      () => ({ do: "createSalesDocument", with: { ...header, documentType: "Bogus" } }),
      "documentType",
    ],
    [
      "posting date when posting",
      () => ({
        do: "postSalesDocument",
        with: { documentType: "Invoice", no: invoiceNo, postingDate: "2025-13-01" },
      }),
      "postingDate",
    ],
    [
      "quantity on a new line",
      () => ({ do: "createSalesDocument", with: { ...header, lines: [{ no: "1000", quantity: "abc" }] } }),
      "quantity",
    ],
  ] as [string, () => unknown, string][])(
    "the error detail for %s carries the field, for the add-in to mark the cell",
    (_l, request, field) => {
      const e = refused(request());
      expect(e.details.map((d) => d.field)).toContain(field);
    },
  );
});

describe("read", () => {
  it("filters on a computed field: customer balanceLcy", async () => {
    const company = await fixtureCompany();
    postS01Invoice(company);
    const read = (where: Record<string, unknown>) =>
      (
        expectOk(company.dispatch({ do: "read", with: { table: "customer", where } })) as {
          rows: { no: string; balanceLcy: string }[];
        }
      ).rows;
    expect(read({ balanceLcy: "1210.00" }).map((r) => r.no)).toEqual(["C10000"]);
    expect(read({ balanceLcy: 1210 }).map((r) => r.no)).toEqual(["C10000"]);
    expect(read({ balanceLcy: "0" }).map((r) => r.no)).toEqual(["C20000", "C30000"]);
    expect(read({ balanceLcy: "1210.01" })).toEqual([]);
    expect(read({ no: "C10000", balanceLcy: "1210.00" }).map((r) => r.balanceLcy)).toEqual(["1210.00"]);
    company.close();
  });

  it("filters on a computed field holding a large balance (beyond 2^31 minor units)", async () => {
    const company = await fixtureCompany();
    const doc = expectOk(
      company.dispatch({
        do: "createSalesDocument",
        with: {
          ...header,
          sellToCustomerNo: "C30000",
          lines: [{ no: "1000", quantity: 1, unitPrice: "30000000" }],
        },
      }),
    ) as { no: string };
    expectOk(company.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no: doc.no } }));
    const rows = (
      expectOk(
        company.dispatch({ do: "read", with: { table: "customer", where: { balanceLcy: "36300000.00" } } }),
      ) as {
        rows: { no: string }[];
      }
    ).rows;
    expect(rows.map((r) => r.no)).toEqual(["C30000"]);
    company.close();
  });

  it("refuses an unknown table clearly", () => {
    const e = refused({ do: "read", with: { table: "customers" } });
    expect(e.code).toBe("input");
    expect(e.message).toBe("Unknown table 'customers'.");
  });

  it("refuses a filter on a field the table does not have, and a bad filter value", () => {
    const a = refused({ do: "read", with: { table: "customer", where: { balance: "0" } } });
    expect(a.code).toBe("input");
    expect(a.message).toContain("'balance'");
    const b = refused({ do: "read", with: { table: "customer", where: { balanceLcy: "abc" } } });
    expect(b.code).toBe("input");
    expect(b.message).toContain("balanceLcy");
  });

  it("answers decimals as strings, amounts with two places, and honours limit", () => {
    const res = expectOk(engine.dispatch({ do: "read", with: { table: "customer", limit: 2 } })) as {
      rows: Record<string, unknown>[];
    };
    expect(res.rows.map((r) => r.no)).toEqual(["C10000", "C20000"]);
    expect(res.rows[0]!.creditLimitLcy).toBe("0.00");
    expect(typeof res.rows[0]!.balanceLcy).toBe("string");
    const bad = refused({ do: "read", with: { table: "customer", limit: -1 } });
    expect(bad.message).toContain("limit");
  });
});

describe("export and reopen", () => {
  it("an engine opened on another engine's export sees the same company, with the MEMORY journal", async () => {
    const company = await fixtureCompany();
    const { invoiceNo: posted } = postS01Invoice(company);
    const bytes = company.export();
    const reopened = await Engine.create({ bytes, workDate: "2025-01-15" });
    expect(reopened.db.all("PRAGMA journal_mode")[0]![0]).toBe("memory");
    const read = (e: Engine, table: string, where: Record<string, unknown>) =>
      (expectOk(e.dispatch({ do: "read", with: { table, where } })) as { rows: unknown[] }).rows;
    expect(read(reopened, "glEntry", { documentNo: posted })).toEqual(
      read(company, "glEntry", { documentNo: posted }),
    );
    expect(read(reopened, "customer", { no: "C10000" })).toEqual(read(company, "customer", { no: "C10000" }));
    expect(sameBytes(reopened.export(), bytes)).toBe(true);
    reopened.close();
    company.close();
  });
});
