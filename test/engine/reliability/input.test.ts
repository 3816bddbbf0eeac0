import { describe, expect, it } from "vitest";
import { Engine, type CommandResponse } from "../../../engine/api/index.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import { createS01Invoice, expectOk, fixtureCompany } from "../../helpers/company.js";

function refused(res: CommandResponse): { code: string; message: string; details: { field?: string }[] } {
  expect(res.ok).toBe(false);
  if (res.ok) throw new Error("expected a refusal");
  return res.error;
}

function customerRows(engine: Engine, no: string) {
  return (
    expectOk(engine.dispatch({ do: "read", with: { table: "customer", where: { no } } })) as {
      rows: { no: string; name: string }[];
    }
  ).rows;
}

const upsertCustomer = (engine: Engine, row: Record<string, unknown>) =>
  engine.dispatch({ do: "upsert", with: { table: "customer", rows: [{ ...row }] } });

describe("text is stored as typed or refused (issue 6, item 9)", () => {
  it("a leading byte-order mark is normalised away at the boundary, so the key can be found again", async () => {
    const engine = await fixtureCompany();
    expectOk(upsertCustomer(engine, { no: "\uFEFFC90000", name: "\uFEFFFabrikam" }));
    const rows = customerRows(engine, "C90000");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Fabrikam");
  });

  it("refuses unpaired surrogates and control characters instead of storing replacement characters", async () => {
    const engine = await fixtureCompany();
    for (const name of ["a\uD800b", "x\uDC00", "nul\u0000here", "bell\u0007"]) {
      const e = refused(upsertCustomer(engine, { no: "C90001", name }));
      expect(e.code).toBe("validation");
      expect(e.details[0]?.field).toBe("name");
    }
    expect(customerRows(engine, "C90001")).toHaveLength(0);
  });

  it("checks a code's length after upper-casing: ß×15 becomes 30 characters", async () => {
    const engine = await fixtureCompany();
    const e = refused(upsertCustomer(engine, { no: "ß".repeat(15), name: "Straße" }));
    expect(e.message).toContain("longer than 20 characters");
    expect(e.details[0]?.field).toBe("no");
  });

  it("enforces BC's text lengths and quotes at most a short prefix of a 1 MB value", async () => {
    const engine = await fixtureCompany();
    const huge = "x".repeat(1_000_000);
    const byName = refused(upsertCustomer(engine, { no: "C90002", name: huge }));
    expect(byName.message).toContain("longer than 100 characters");
    expect(byName.message.length).toBeLessThan(400);
    const byCity = refused(upsertCustomer(engine, { no: "C90002", city: "c".repeat(31) }));
    expect(byCity.message).toContain("longer than 30 characters");
    const byCode = refused(upsertCustomer(engine, { no: huge }));
    expect(byCode.message.length).toBeLessThan(400);
    expect(JSON.stringify(byCode).length).toBeLessThan(2_000);
    expectOk(upsertCustomer(engine, { no: "C90002", name: "n".repeat(100), city: "c".repeat(30) }));
  });
});

describe("smaller holes at the boundary (issue 6, item 10)", () => {
  it("refuses an Amount Rounding Precision the engine would ignore", async () => {
    const engine = await fixtureCompany();
    for (const p of ["1", "0.001", "7"]) {
      const e = refused(
        engine.dispatch({
          do: "upsert",
          with: { table: "generalLedgerSetup", rows: [{ amountRoundingPrecision: p }] },
        }),
      );
      expect(e.details[0]?.field).toBe("amountRoundingPrecision");
    }
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "generalLedgerSetup", rows: [{ amountRoundingPrecision: "0.01" }] },
      }),
    );
  });

  it("refuses line numbers that are not whole numbers from 1 to 2^31 − 1", async () => {
    const engine = await fixtureCompany();
    const no = createS01Invoice(engine);
    for (const lineNo of ["99999999999999999999", 0, -10000, 2_147_483_648, 1.5]) {
      const e = refused(
        engine.dispatch({
          do: "updateSalesLine",
          with: { documentType: "Invoice", no, lineNo, quantity: 1 },
        }),
      );
      expect(e.code).toBe("input");
      expect(e.details[0]?.field).toBe("lineNo");
    }
  });

  it("an object as table name, a Map as filter, a BigInt and a deep list each get a plain message", async () => {
    const engine = await fixtureCompany();
    const table = refused(engine.dispatch({ do: "read", with: { table: { name: "customer" } } }));
    expect(table.message).not.toContain("[object Object]");
    expect(table.message).toContain("must be a table name");
    expect(() => engine.run("read", { table: "customer", where: new Map([["no", "C10000"]]) })).toThrow(
      /must be an object, not a Map object/,
    );
    const big = refused(
      engine.dispatch({
        do: "upsert",
        with: { table: "customer", rows: [{ no: "C1", creditLimitLcy: 10n }] },
      }),
    );
    expect(big.message).toContain("BigInt");
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const nested = refused(
      engine.dispatch({ do: "upsert", with: { table: "customer", rows: [{ no: "C1", name: deep }] } }),
    );
    expect(nested.code).toBe("validation");
    expect(nested.message).toContain("must be text, not a list of 1");
  });

  it("opens a company from an ArrayBuffer, and refuses what is not bytes by name", async () => {
    const engine = await fixtureCompany();
    const bytes = engine.export();
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const reopened = await Engine.create({ bytes: copy as ArrayBuffer, workDate: "2025-01-15" });
    expect(customerRows(reopened, "C10000")).toHaveLength(1);
    await expect(Engine.create({ bytes: "not bytes" as unknown as Uint8Array })).rejects.toThrow(
      LedgerpaneError,
    );
  });

  it("receive on an invoice is refused, not ignored", async () => {
    const engine = await fixtureCompany();
    const no = createS01Invoice(engine);
    const before = engine.export();
    const e = refused(
      engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no, receive: true } }),
    );
    expect(e.details[0]?.field).toBe("receive");
    expect(engine.export()).toEqual(before);
  });
});
