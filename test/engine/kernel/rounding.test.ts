import { describe, expect, it } from "vitest";
import { D, dec } from "../../../engine/kernel/decimal.js";
import {
  AMOUNT_PRECISION,
  RemainderRounder,
  round,
  roundAmount,
  roundUnitAmount,
  UNIT_AMOUNT_PRECISION,
  type RoundingDirection,
} from "../../../engine/kernel/rounding.js";

/** Spec 0.3: AL Round(x, precision, direction); "Nearest" ties go away from zero. */
describe("round: nearest, ties away from zero (spec 0.3)", () => {
  const cases: [x: string, precision: string, expected: string][] = [
    ["1.005", "0.01", "1.01"],
    ["-1.005", "0.01", "-1.01"],
    ["2.675", "0.01", "2.68"], // 2.675 is 2.67499999… as a float: decimal arithmetic must not see that
    ["-2.675", "0.01", "-2.68"],
    ["1.0049999", "0.01", "1"],
    ["-1.0049999", "0.01", "-1"],
    ["0.005", "0.01", "0.01"],
    ["-0.005", "0.01", "-0.01"],
    ["0.0049", "0.01", "0"],
    ["16.665", "0.01", "16.67"],
    ["123456789012.345", "0.01", "123456789012.35"],
    ["-123456789012.345", "0.01", "-123456789012.35"],
    ["2.5", "1", "3"],
    ["-2.5", "1", "-3"],
    ["3.5", "1", "4"], // not banker's rounding
    ["1250", "100", "1300"],
    ["1.234565", "0.00001", "1.23457"],
    ["-1.234565", "0.00001", "-1.23457"],
    // precision 0.05: multiples of 0.05, ties (…25 / …75) away from zero
    ["1.024", "0.05", "1"],
    ["1.025", "0.05", "1.05"],
    ["1.074", "0.05", "1.05"],
    ["1.075", "0.05", "1.1"],
    ["-1.025", "0.05", "-1.05"],
    ["-1.024", "0.05", "-1"],
    ["0.125", "0.25", "0.25"],
  ];
  it.each(cases)("Round(%s, %s) = %s", (x, precision, expected) => {
    const r = round(dec(x), precision);
    expect(r.toFixed()).toBe(dec(expected).toFixed());
    expect(r).toBeInstanceOf(D);
  });

  it("roundAmount is Round(x, 0.01) and roundUnitAmount is Round(x, 0.00001)", () => {
    expect(AMOUNT_PRECISION.toFixed()).toBe("0.01");
    expect(UNIT_AMOUNT_PRECISION.toFixed()).toBe("0.00001");
    expect(roundAmount(dec("4.9995")).toFixed(2)).toBe("5.00");
    expect(roundAmount(dec("-4.9995")).toFixed(2)).toBe("-5.00");
    expect(roundUnitAmount(dec("33.333335")).toFixed()).toBe("33.33334");
  });

  it("a value already at the precision is unchanged", () => {
    for (const x of ["0", "1.23", "-1.23", "999999999999.99"])
      expect(roundAmount(dec(x)).eq(dec(x))).toBe(true);
  });
});

describe("round: Up and Down (VAT Rounding Type, spec 0.3)", () => {
  const cases: [x: string, precision: string, direction: RoundingDirection, expected: string][] = [
    ["1.001", "0.01", "Up", "1.01"],
    ["1.009", "0.01", "Down", "1"],
    ["1.01", "0.01", "Up", "1.01"], // exact values never move
    ["1.01", "0.01", "Down", "1.01"],
    ["2.1021", "0.01", "Up", "2.11"],
    ["2.1099", "0.01", "Down", "2.1"],
    ["1.01", "0.05", "Up", "1.05"],
    ["1.09", "0.05", "Down", "1.05"],
    ["1.05", "0.05", "Up", "1.05"],
    ["0.0000001", "0.01", "Up", "0.01"],
    // Negative amounts: '>' moves away from zero and '<' toward zero (engine contract, rounding.ts)
    ["-1.001", "0.01", "Up", "-1.01"],
    ["-1.009", "0.01", "Down", "-1"],
    ["1.005", "0.01", "Nearest", "1.01"],
  ];
  it.each(cases)("Round(%s, %s, %s) = %s", (x, precision, direction, expected) => {
    expect(round(dec(x), precision, direction).toFixed()).toBe(dec(expected).toFixed());
  });
});

describe("RemainderRounder: a total rounds once", () => {
  it("spreads 10.00 in three parts as 3.33, 3.34, 3.33", () => {
    const r = new RemainderRounder();
    const third = dec(10).div(3);
    expect([r.next(third), r.next(third), r.next(third)].map((v) => v.toFixed(2))).toEqual([
      "3.33",
      "3.34",
      "3.33",
    ]);
  });

  it("spreads -10.00 in three parts as the mirror image", () => {
    const r = new RemainderRounder();
    const third = dec(-10).div(3);
    expect([r.next(third), r.next(third), r.next(third)].map((v) => v.toFixed(2))).toEqual([
      "-3.33",
      "-3.34",
      "-3.33",
    ]);
  });

  const spreads: [total: string, weights: number[]][] = [
    ["100.00", [1, 1, 1, 1, 1, 1, 1]],
    ["0.05", [1, 1, 1, 1, 1, 1]],
    ["1234.57", [3, 7, 11, 13]],
    ["-99.99", [1, 2, 3, 4, 5, 6]],
    ["6.31", [1, 1, 1]],
  ];
  it.each(spreads)("parts of %s by weights %j add up to the total", (total, weights) => {
    const r = new RemainderRounder();
    const sumW = weights.reduce((a, b) => a + b, 0);
    const parts = weights.map((w) => r.next(dec(total).times(w).div(sumW)));
    const sum = parts.reduce((a, b) => a.plus(b), dec(0));
    expect(sum.toFixed(2)).toBe(dec(total).toFixed(2));
    // every part is at the precision and within one unit of its exact share
    parts.forEach((p, i) => {
      expect(p.times(100).isInteger()).toBe(true);
      const exact = dec(total).times(weights[i]!).div(sumW);
      expect(p.minus(exact).abs().lte("0.01")).toBe(true);
    });
  });

  it("honours the precision and direction it was built with", () => {
    const r = new RemainderRounder("0.05");
    const parts = [r.next(dec("0.33")), r.next(dec("0.33")), r.next(dec("0.34"))];
    expect(parts.map((p) => p.toFixed(2))).toEqual(["0.35", "0.30", "0.35"]);
    const down = new RemainderRounder("0.01", "Down");
    expect(down.next(dec("1.009")).toFixed(2)).toBe("1.00");
    // the 0.009 left over is carried: 0.009 + 1.002 = 1.011 → 1.01
    expect(down.next(dec("1.002")).toFixed(2)).toBe("1.01");
  });
});
