import { describe, expect, it } from "vitest";
import { calcDate, isValidDateFormula, parseDateFormula } from "../../../engine/kernel/dateFormula.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";

// 2025-01-15 is a Wednesday; BC weeks run Monday to Sunday.
const WED = "2025-01-15";

describe("calcDate (CalcDate with BC date formulas)", () => {
  const cases: [formula: string, date: string, expected: string][] = [
    ["14D", WED, "2025-01-29"],
    ["30D", WED, "2025-02-14"],
    ["-1D", WED, "2025-01-14"],
    ["-1D", "2025-03-01", "2025-02-28"],
    ["-1D", "2024-03-01", "2024-02-29"],
    ["1W", WED, "2025-01-22"],
    ["2W", WED, "2025-01-29"],
    ["-1W", WED, "2025-01-08"],
    ["1M", WED, "2025-02-15"],
    ["1M", "2025-01-31", "2025-02-28"],
    ["1M", "2024-01-31", "2024-02-29"],
    ["-1M", "2025-03-31", "2025-02-28"],
    ["1Q", WED, "2025-04-15"],
    ["1Q", "2024-11-30", "2025-02-28"],
    ["1Y", WED, "2026-01-15"],
    ["1Y", "2024-02-29", "2025-02-28"],
    ["-1Y", WED, "2024-01-15"],
    // current period: end of it, or its start with '-'
    ["CM", WED, "2025-01-31"],
    ["CM", "2024-02-10", "2024-02-29"],
    ["CM", "2025-02-10", "2025-02-28"],
    ["CM", "2025-01-31", "2025-01-31"],
    ["-CM", WED, "2025-01-01"],
    ["-CM", "2025-03-31", "2025-03-01"],
    ["CW", WED, "2025-01-19"],
    ["CW", "2025-01-19", "2025-01-19"],
    ["-CW", WED, "2025-01-13"],
    ["-CW", "2025-01-13", "2025-01-13"],
    ["CQ", WED, "2025-03-31"],
    ["CQ", "2025-05-20", "2025-06-30"],
    ["CQ", "2025-12-01", "2025-12-31"],
    ["-CQ", "2025-05-20", "2025-04-01"],
    ["CY", WED, "2025-12-31"],
    ["-CY", "2025-07-04", "2025-01-01"],
    // combinations, evaluated left to right
    ["1M+CM", WED, "2025-02-28"],
    ["CM+1M", WED, "2025-02-28"],
    ["CM+10D", WED, "2025-02-10"],
    ["CQ+1M+20D", WED, "2025-05-20"],
    ["CW+1W", WED, "2025-01-26"],
    ["-CM+14D", WED, "2025-01-15"],
    ["CM-1D", WED, "2025-01-30"],
    // positions: the next weekday n / day n of a month
    ["WD1", WED, "2025-01-20"],
    ["WD2", WED, "2025-01-21"],
    ["WD5", WED, "2025-01-17"],
    ["WD7", WED, "2025-01-19"],
    ["-WD1", WED, "2025-01-13"],
    ["D20", "2025-01-10", "2025-01-20"],
    ["D10", "2025-01-20", "2025-02-10"],
    ["D31", "2025-02-10", "2025-02-28"],
    // angle brackets, blanks and lower case are accepted
    ["<14D>", WED, "2025-01-29"],
    [" 1M + CM ", WED, "2025-02-28"],
    ["cm", WED, "2025-01-31"],
  ];
  it.each(cases)("CalcDate('%s', %s) = %s", (formula, date, expected) => {
    expect(calcDate(formula, date)).toBe(expected);
  });

  it.each(["", "   ", "<>"])("a blank formula %j returns the date itself", (formula) => {
    expect(calcDate(formula, WED)).toBe(WED);
    expect(parseDateFormula(formula)).toEqual([]);
  });

  const invalid = [
    "X",
    "1",
    "D",
    "M",
    "1X",
    "14",
    "1D1",
    "1D+",
    "++1D",
    "1.5D",
    "1,5D",
    "D0",
    "D32",
    "WD0",
    "WD8",
    "W2",
    "Y1",
    "Q1",
    "CM-",
    "C",
    "abc",
    "1M CM",
    "14D!",
  ];
  it.each(invalid)("refuses the invalid formula %j with an input error", (formula) => {
    expect(isValidDateFormula(formula)).toBe(false);
    let error: unknown;
    try {
      calcDate(formula, WED);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerpaneError);
    expect((error as LedgerpaneError).code).toBe("input");
    expect((error as LedgerpaneError).message).toContain("not a valid date formula");
  });

  it("refuses a date that does not exist", () => {
    expect(() => calcDate("1D", "2025-02-30")).toThrow(/not a date/);
    expect(() => calcDate("", "2025-13-01")).toThrow(LedgerpaneError);
  });

  it("accepts every valid formula of the table", () => {
    for (const [formula] of cases) expect(isValidDateFormula(formula)).toBe(true);
  });
});
