import { beforeAll, describe, expect, it } from "vitest";
import type { SqlJsStatic } from "sql.js";
import { decodeValue, encodeValue, fromScaled, toScaled, type SqlValue } from "../../../engine/db/codec.js";
import type { ColumnDef } from "../../../engine/db/columns.js";
import { createDatabase, openDatabase } from "../../../engine/db/open.js";
import { Repo } from "../../../engine/db/repo.js";
import { loadSqlJs } from "../../../engine/db/sqljs.js";
import { D, dec } from "../../../engine/kernel/decimal.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJs();
});

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 − 1

/**
 * A scaled value as it crosses sql.js: a bigint, or a JS number only while it is a safe integer.
 * Anything else (a fraction, an unsafe number) is a float that may have lost digits.
 */
function integerOf(v: unknown, what = "value"): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") {
    expect(Number.isSafeInteger(v), `${what} ${v} is a float, not an exact integer`).toBe(true);
    return BigInt(v);
  }
  throw new Error(`${what} ${String(v)} is not an integer`);
}

// value, scale, scaled integer (as text: vitest cannot carry bigints in test tables)
const exact: [value: string, scale: 2 | 5, scaled: string][] = [
  ["0", 2, "0"],
  ["-0", 2, "0"],
  ["0.00", 5, "0"],
  ["0.01", 2, "1"],
  ["-0.01", 2, "-1"],
  ["1210.00", 2, "121000"],
  ["123456789012.34", 2, "12345678901234"],
  ["-123456789012.34", 2, "-12345678901234"],
  ["123456789.12345", 5, "12345678912345"],
  ["-123456789.12345", 5, "-12345678912345"],
  ["0.00001", 5, "1"],
  ["33.33", 5, "3333000"],
  ["1.2300000", 2, "123"], // trailing zeros are not extra decimals
  // the largest values a column holds (docs/reliability.md): below 10^14 scaled units
  ["999999999999.99", 2, "99999999999999"],
  ["-999999999999.99", 2, "-99999999999999"],
  ["999999999.99999", 5, "99999999999999"],
  ["-999999999.99999", 5, "-99999999999999"],
];

// Past the limit: refused with the largest storable value in the message, never rounded or wrapped.
const tooLarge: [value: string, scale: 2 | 5][] = [
  ["1000000000000.00", 2],
  ["-1000000000000", 2],
  ["1000000000", 5],
  ["-999999999.999995", 5],
  ["92233720368547758.08", 2],
  ["50000000000000000", 2],
];

describe("codec: values past a column's limit", () => {
  it.each(tooLarge)("%s at scale %i is refused", (value, scale) => {
    expect(() => toScaled(dec(value), scale, "salesLine.lineAmount")).toThrow(
      scale === 2
        ? /salesLine\.lineAmount: .*at most 999,999,999,999\.99/
        : /at most 999,999,999\.99999|decimal places/,
    );
  });
});

describe("codec: Decimal ⇄ scaled integer", () => {
  it.each(exact)("%s at scale %i ⇄ %s", (value, scale, scaled) => {
    const s = toScaled(dec(value), scale, "t.c");
    expect(integerOf(s)).toBe(BigInt(scaled));
    // beyond 2^53 only a bigint is exact
    if (BigInt(scaled) > MAX_SAFE || BigInt(scaled) < -MAX_SAFE) expect(typeof s).toBe("bigint");
    const back = fromScaled(s, scale);
    expect(back).toBeInstanceOf(D);
    expect(back.eq(dec(value))).toBe(true);
    expect(back.toFixed(scale)).toBe(dec(value).toFixed(scale));
    // and from the other integer form too
    expect(fromScaled(BigInt(scaled), scale).eq(dec(value))).toBe(true);
  });

  const tooPrecise: [value: string, scale: 2 | 5][] = [
    ["1.234", 2],
    ["-0.001", 2],
    ["123456789012.345", 2],
    ["0.000001", 5],
    ["12345678901.123456", 5],
  ];
  it.each(tooPrecise)("refuses %s at scale %i instead of rounding it", (value, scale) => {
    let error: unknown;
    try {
      toScaled(dec(value), scale, "glEntry.amount");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerpaneError);
    expect((error as LedgerpaneError).code).toBe("input");
    expect((error as LedgerpaneError).message).toBe(
      `glEntry.amount: ${dec(value).toFixed()} has more than ${scale} decimal places.`,
    );
  });

  it.each([
    ["92233720368547758.08", 2],
    ["-92233720368547758.09", 2],
    ["123456789012345678901.23", 2],
    ["92233720368547.75808", 5],
  ] as [string, 2 | 5][])("refuses %s at scale %i: beyond SQLite's 64-bit integers", (value, scale) => {
    let error: unknown;
    try {
      toScaled(dec(value), scale, "glEntry.amount");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerpaneError);
    expect((error as LedgerpaneError).code).toBe("input");
    expect((error as LedgerpaneError).message).toContain("glEntry.amount");
  });

  it("reads integers from every form sql.js can hand over, and refuses a float", () => {
    expect(fromScaled(12345678901234567n, 2).toFixed()).toBe("123456789012345.67");
    expect(fromScaled(121000, 2).toFixed(2)).toBe("1210.00");
    expect(fromScaled(-1, 2).toFixed(2)).toBe("-0.01");
    expect(fromScaled("121000", 2).toFixed(2)).toBe("1210.00");
    expect(fromScaled(null, 2).isZero()).toBe(true);
    // a float that lost digits is reported, not silently used
    expect(() => fromScaled(2 ** 60, 2)).toThrow(LedgerpaneError);
    expect(() => fromScaled(1.5, 2)).toThrow(/not an exact integer/);
  });
});

describe("codec: encodeValue / decodeValue per column kind", () => {
  const col = (kind: ColumnDef["kind"]): ColumnDef => ({ name: "c", kind });
  // "123n" in the table stands for the integer 123 (a bigint or a safe JS integer)
  const encodings: [kind: ColumnDef["kind"], value: unknown, encoded: string | null][] = [
    ["amount", dec("1210.5"), "121050n"],
    ["amount", dec("-999999999999.99"), "-99999999999999n"],
    ["amount", null, "0n"],
    ["unitAmount", dec("33.33"), "3333000n"],
    ["qty", dec("-10"), "-1000000n"],
    ["pct", dec("5"), "500000n"],
    ["bool", true, "1n"],
    ["bool", false, "0n"],
    ["int", 10000, "10000n"],
    ["int", null, "0n"],
    ["date", "2025-01-15", "2025-01-15"],
    ["date", null, null],
    ["date", "", null],
    ["code", "C10000", "C10000"],
    ["text", null, ""],
    ["option", "Invoice", "Invoice"],
  ];
  it.each(encodings)("%s %j → %j", (kind, value, encoded) => {
    const e = encodeValue(col(kind), value as never, "t");
    if (typeof encoded === "string" && /^-?\d+n$/.test(encoded)) {
      expect(integerOf(e, kind)).toBe(BigInt(encoded.slice(0, -1)));
    } else {
      expect(e).toEqual(encoded);
    }
  });

  it("decodes scaled columns to Decimal and other kinds to their JS types", () => {
    expect(decodeValue(col("amount"), 121050n)).toBeInstanceOf(D);
    expect(decodeValue(col("amount"), 121050)).toBeInstanceOf(D);
    expect((decodeValue(col("qty"), -1000000n) as InstanceType<typeof D>).toFixed()).toBe("-10");
    expect(decodeValue(col("bool"), 1n)).toBe(true);
    expect(decodeValue(col("bool"), 0)).toBe(false);
    expect(decodeValue(col("int"), 10000n)).toBe(10000);
    expect(decodeValue(col("date"), null)).toBe(null);
    expect(decodeValue(col("code"), "C10000")).toBe("C10000");
  });

  it("refuses a value beyond SQLite's 64-bit integers instead of storing it as a float", () => {
    expect(() => encodeValue(col("amount"), dec("92233720368547758.08"), "glEntry")).toThrow(LedgerpaneError);
    expect(() => encodeValue(col("qty"), dec("-92233720368547.75809"), "salesLine")).toThrow(LedgerpaneError);
  });
});

describe("codec through SQLite: exact, integer, never a float", () => {
  it.each(exact)("%s at scale %i survives insert, select and export/reopen", (value, scale) => {
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    db.transaction(() => {
      if (scale === 2) repo.insert("glEntry", { entryNo: 1, amount: dec(value) });
      else repo.insert("item", { no: "X", unitPrice: dec(value) });
    });
    const sql =
      scale === 2
        ? `SELECT typeof("amount"), "amount" FROM "glEntry"`
        : `SELECT typeof("unitPrice"), "unitPrice" FROM "item"`;
    const raw = db.all(sql)[0]!;
    expect(raw[0]).toBe("integer");
    expect(integerOf(raw[1])).toBe(BigInt(scaled(value, scale)));
    const read = () => (scale === 2 ? repo.get("glEntry", 1)!.amount : repo.get("item", "X")!.unitPrice);
    expect(read()).toBeInstanceOf(D);
    expect(read().eq(dec(value))).toBe(true);
    const again = new Repo(openDatabase(SQL, db.export()));
    const reread = scale === 2 ? again.get("glEntry", 1)!.amount : again.get("item", "X")!.unitPrice;
    expect(reread.eq(dec(value))).toBe(true);
    again.db.close();
    db.close();
  });

  it("SQL sums of amounts are exact integers (0.10 + 0.20 = 0.30)", () => {
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    db.transaction(() => {
      repo.insert("glEntry", { entryNo: 1, amount: dec("0.10") });
      repo.insert("glEntry", { entryNo: 2, amount: dec("0.20") });
      repo.insert("glEntry", { entryNo: 3, amount: dec("123456789012.56") });
      repo.insert("glEntry", { entryNo: 4, amount: dec("-123456789012.56") });
    });
    const total = db.all(`SELECT SUM("amount") FROM "glEntry"`)[0]![0];
    expect(integerOf(total)).toBe(30n);
    expect(fromScaled(total as SqlValue, 2).toFixed(2)).toBe("0.30");
    db.close();
  });

  it("every value read back is a Decimal, boolean, safe integer or text: no float for money", () => {
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    db.transaction(() =>
      repo.insert("glEntry", {
        entryNo: 1,
        amount: dec("999999999999.99"),
        vatAmount: dec("-210.00"),
        postingDate: "2025-01-15",
      }),
    );
    const row = repo.get("glEntry", 1)! as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(row))
      if (typeof value === "number") expect(Number.isSafeInteger(value), name).toBe(true);
    for (const name of ["amount", "debitAmount", "creditAmount", "vatAmount"])
      expect(row[name]).toBeInstanceOf(D);
    for (const r of db.all(`SELECT * FROM "glEntry"`))
      for (const v of r) if (typeof v === "number") expect(Number.isSafeInteger(v)).toBe(true);
    db.close();
  });

  it("a value beyond the 64-bit range is refused and nothing is written", () => {
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    expect(() =>
      db.transaction(() => repo.insert("glEntry", { entryNo: 1, amount: dec("92233720368547758.08") })),
    ).toThrow(LedgerpaneError);
    expect(integerOf(db.all(`SELECT COUNT(*) FROM "glEntry"`)[0]![0])).toBe(0n);
    db.close();
  });
});

function scaled(value: string, scale: 2 | 5): string {
  return exact.find(([v, s]) => v === value && s === scale)![2];
}
