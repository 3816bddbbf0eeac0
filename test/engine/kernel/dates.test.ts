import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  isIsoDate,
  makeDate,
  weekday,
  yearMonthDay,
} from "../../../engine/kernel/dates.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";

describe("isIsoDate", () => {
  const cases: [value: unknown, valid: boolean][] = [
    ["2025-01-15", true],
    ["2024-02-29", true], // leap year
    ["2000-02-29", true], // divisible by 400
    ["1900-02-29", false], // divisible by 100, not by 400
    ["2025-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-01-00", false],
    ["2025-1-5", false],
    ["15.01.2025", false],
    ["2025-01-15T00:00:00Z", false],
    ["", false],
    [20250115, false],
    [null, false],
    [undefined, false],
  ];
  it.each(cases)("%j → %s", (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

describe("daysInMonth", () => {
  const cases: [y: number, m: number, days: number][] = [
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 4, 30],
    [2025, 12, 31],
  ];
  it.each(cases)("%i-%i has %i days", (y, m, days) => expect(daysInMonth(y, m)).toBe(days));
});

describe("addDays", () => {
  const cases: [date: string, days: number, expected: string][] = [
    ["2025-01-15", 14, "2025-01-29"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2025-01-15", 0, "2025-01-15"],
    ["2024-01-01", 366, "2025-01-01"],
    ["1970-01-01", -1, "1969-12-31"],
  ];
  it.each(cases)("%s %+i days = %s", (date, days, expected) => expect(addDays(date, days)).toBe(expected));
});

describe("addMonths clamps to the month's last day (31 Jan + 1M = 28 Feb)", () => {
  const cases: [date: string, months: number, expected: string][] = [
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2025-01-31", 3, "2025-04-30"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2025-12-15", 1, "2026-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-01-15", -13, "2023-12-15"],
    ["2025-05-31", 1, "2025-06-30"],
    ["2025-01-15", 0, "2025-01-15"],
  ];
  it.each(cases)("%s %+i months = %s", (date, months, expected) =>
    expect(addMonths(date, months)).toBe(expected),
  );

  it("clamping does not come back: 31 Jan + 1M + 1M = 28 Mar", () => {
    expect(addMonths(addMonths("2025-01-31", 1), 1)).toBe("2025-03-28");
  });
});

describe("weekday (Monday = 1 … Sunday = 7) and helpers", () => {
  const cases: [date: string, day: number][] = [
    ["2025-01-13", 1],
    ["2025-01-15", 3],
    ["2025-01-18", 6],
    ["2025-01-19", 7],
    ["2024-02-29", 4],
    ["1970-01-01", 4],
    ["1969-12-28", 7],
  ];
  it.each(cases)("%s is ISO weekday %i", (date, day) => expect(weekday(date)).toBe(day));

  it("compares, splits and joins dates", () => {
    expect(compareDates("2025-01-15", "2025-01-16")).toBe(-1);
    expect(compareDates("2025-01-16", "2025-01-15")).toBe(1);
    expect(compareDates("2025-01-15", "2025-01-15")).toBe(0);
    expect(yearMonthDay("2024-02-29")).toEqual({ y: 2024, m: 2, d: 29 });
    expect(makeDate(2025, 3, 7)).toBe("2025-03-07");
  });

  it("refuses text that is not a date", () => {
    expect(() => addDays("15.01.2025", 1)).toThrow(LedgerpaneError);
    expect(() => addMonths("2025/01/15", 1)).toThrow(/not a date/);
  });
});
