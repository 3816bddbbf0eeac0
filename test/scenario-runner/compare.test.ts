import { describe, expect, it } from "vitest";
import type { ColumnKind } from "../../engine/db/columns.js";
import { matchRows, maxMatching, sameValue, type JsonObject } from "../../engine/scenario/index.js";

describe("sameValue", () => {
  it.each([
    ["1210.00", "1210.00", "amount"],
    [1210, "1210.00", "amount"],
    ["1210.0", "1210.00", "amount"],
    ["-0.5", "-0.50", "amount"],
    [10, "10", "qty"],
    ["5", "5", "pct"],
    [10000, 10000, "int"],
    ["10000", 10000, "int"],
    ["c10000", "C10000", "code"],
    [1000, "1000", "code"],
    [true, true, "bool"],
    ["2025-01-15", "2025-01-15", "date"],
    [null, null, "date"],
    ["Invoice", "Invoice", "option"],
  ] as [unknown, unknown, ColumnKind][])("%j equals %j as %s", (e, a, kind) => {
    expect(sameValue(e, a, kind)).toBe(true);
  });

  it.each([
    ["1210.01", "1210.00", "amount"],
    ["abc", "0.00", "amount"],
    [-10, "10", "qty"],
    [1, true, "bool"],
    ["true", true, "bool"],
    ["2025-01-16", "2025-01-15", "date"],
    ["", null, "date"],
    ["invoice", "Invoice", "option"],
    ["SO1001 ", "SO1001", "code"],
  ] as [unknown, unknown, ColumnKind][])("%j differs from %j as %s", (e, a, kind) => {
    expect(sameValue(e, a, kind)).toBe(false);
  });

  it("compares values of unknown kind loosely but exactly: decimals, lists, objects as subsets", () => {
    expect(sameValue("103001", "103001")).toBe(true);
    expect(sameValue(10000, "10000.00")).toBe(true);
    expect(sameValue("0.1", 0.1)).toBe(true);
    expect(sameValue("0.10000000000000000001", "0.1")).toBe(false);
    expect(sameValue(false, 0)).toBe(false);
    expect(sameValue(null, "")).toBe(false);
    expect(sameValue({ no: "SI1001" }, { no: "SI1001", lines: [] })).toBe(true);
    expect(sameValue([{ lineNo: 10000 }], [{ lineNo: 10000, x: 1 }])).toBe(true);
    expect(sameValue([{ lineNo: 10000 }], [{ lineNo: 10000 }, { lineNo: 20000 }])).toBe(false);
  });
});

const kinds = new Map<string, ColumnKind>([
  ["glAccountNo", "code"],
  ["amount", "amount"],
  ["entryNo", "int"],
]);

describe("matchRows", () => {
  it("in any order finds a complete pairing where a greedy pass would not", () => {
    // The first expected row fits both actual rows; a greedy pass gives it the first one and then
    // the second expected row (which only fits the first actual row) is left without a partner.
    const expected: JsonObject[] = [{ glAccountNo: "2110" }, { glAccountNo: "2110", amount: "-600.00" }];
    const actual = [
      { entryNo: 1, glAccountNo: "2110", amount: "-600.00" },
      { entryNo: 2, glAccountNo: "2110", amount: "-240.00" },
    ];
    const r = matchRows(expected, actual, kinds, "any");
    expect(r.ok).toBe(true);
    expect(r.pairs.map((p) => [p.expectedIndex, p.actualIndex])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("in any order compares amounts as decimals and requires the exact count", () => {
    const actual = [
      { entryNo: 1, glAccountNo: "6110", amount: "-1000.00" },
      { entryNo: 2, glAccountNo: "2310", amount: "1210.00" },
      { entryNo: 3, glAccountNo: "5610", amount: "-210.00" },
    ];
    const three = [
      { glAccountNo: "2310", amount: 1210 },
      { glAccountNo: "5610", amount: "-210.0" },
      { glAccountNo: "6110", amount: "-1000" },
    ];
    expect(matchRows(three, actual, kinds, "any").ok).toBe(true);
    const two = three.slice(0, 2);
    const r = matchRows(two, actual, kinds, "any");
    expect(r.ok).toBe(false);
    expect(r.pairs.filter((p) => p.expectedIndex === undefined).map((p) => p.actualIndex)).toEqual([0]);
  });

  it("in any order pairs a wrong row with its closest candidate for the diff", () => {
    const expected = [
      { glAccountNo: "6110", amount: "-1000.00" },
      { glAccountNo: "5610", amount: "-210.00" },
    ];
    const actual = [
      { entryNo: 1, glAccountNo: "5610", amount: "-200.00" },
      { entryNo: 2, glAccountNo: "6110", amount: "-1000.00" },
    ];
    const r = matchRows(expected, actual, kinds, "any");
    expect(r.ok).toBe(false);
    const wrong = r.pairs.find((p) => p.mismatches.length > 0)!;
    expect(wrong).toMatchObject({ expectedIndex: 1, actualIndex: 0 });
    expect(wrong.mismatches).toEqual([{ field: "amount", expected: "-210.00", actual: "-200.00" }]);
  });

  it("in any order shows a missing row as missing and a wrong row against its closest partner", () => {
    const expected = [
      { glAccountNo: "9260", amount: "-0.01" },
      { glAccountNo: "2310", amount: "121.00" },
    ];
    const actual = [{ entryNo: 11, glAccountNo: "2310", amount: "120.99" }];
    const r = matchRows(expected, actual, kinds, "any");
    expect(r.pairs).toEqual([
      { expectedIndex: 0, mismatches: [] },
      {
        expectedIndex: 1,
        actualIndex: 0,
        mismatches: [{ field: "amount", expected: "121.00", actual: "120.99" }],
      },
    ]);
  });

  it("in key order compares row by row", () => {
    const actual = [
      { entryNo: 1, amount: "-380.00" },
      { entryNo: 2, amount: "-570.00" },
    ];
    expect(matchRows([{ amount: "-380.00" }, { amount: "-570.00" }], actual, kinds, "key").ok).toBe(true);
    expect(matchRows([{ amount: "-570.00" }, { amount: "-380.00" }], actual, kinds, "key").ok).toBe(false);
    expect(matchRows([{ amount: "-570.00" }, { amount: "-380.00" }], actual, kinds, "any").ok).toBe(true);
  });

  it("in key order with a missing row aligns the rest instead of shifting every row", () => {
    const actual = [
      { entryNo: 1, amount: "1.00" },
      { entryNo: 2, amount: "2.00" },
      { entryNo: 3, amount: "3.00" },
    ];
    const r = matchRows([{ amount: 1 }, { amount: 3 }], actual, kinds, "key");
    expect(r.ok).toBe(false);
    expect(r.pairs).toEqual([
      { expectedIndex: 0, actualIndex: 0, mismatches: [] },
      { actualIndex: 1, mismatches: [] },
      { expectedIndex: 1, actualIndex: 2, mismatches: [] },
    ]);
  });

  it("reports a field the table does not have", () => {
    const r = matchRows([{ amonut: "1.00" }], [{ entryNo: 1, amount: "1.00" }], kinds, "key");
    expect(r.ok).toBe(false);
    expect(r.pairs[0]!.mismatches[0]).toMatchObject({ field: "amonut", note: "no such field" });
  });
});

describe("maxMatching", () => {
  it("finds a perfect matching that needs two augmenting steps", () => {
    const ok = [
      [true, true, false],
      [true, false, false],
      [false, true, true],
    ];
    const m = maxMatching(ok, 3);
    expect(new Set(m).size).toBe(3);
    m.forEach((j, i) => expect(ok[i]![j]).toBe(true));
  });
});
