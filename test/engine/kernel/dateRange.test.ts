import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  MAX_DATE,
  MIN_DATE,
  weekday,
} from "../../../engine/kernel/dates.js";
import { calcDate, isValidDateFormula } from "../../../engine/kernel/dateFormula.js";
import { caught } from "../../helpers/errors.js";

describe("dates stay within 0001-01-01 … 9999-12-31 (issue 6, item 2)", () => {
  it("refuses year 0 and accepts both ends of the range", () => {
    expect(isIsoDate("0000-01-01")).toBe(false);
    expect(isIsoDate(MIN_DATE)).toBe(true);
    expect(isIsoDate(MAX_DATE)).toBe(true);
  });

  it("keeps years 0–99 as they are (Date.UTC made 0099-12-25 + 14D = 2000-01-08)", () => {
    expect(addDays("0099-12-25", 14)).toBe("0100-01-08");
    expect(calcDate("14D", "0099-12-25")).toBe("0100-01-08");
    expect(addDays("0001-01-01", 365)).toBe("0002-01-01");
    expect(addMonths("0004-01-31", 1)).toBe("0004-02-29");
  });

  it("refuses results before the first or after the last day, naming where they came from", () => {
    const at = { table: "salesHeader", field: "paymentTermsCode" };
    for (const fn of [
      () => addDays(MAX_DATE, 1, at),
      () => addDays(MIN_DATE, -1, at),
      () => addMonths("9999-12-01", 1, at),
      () => addMonths("0001-01-31", -1, at),
      () => fromDayNumber(Number.NaN, at),
    ]) {
      const e = caught(fn);
      expect(e.code).toBe("validation");
      expect(e.message).toContain("9999-12-31");
      expect(e.details[0]).toMatchObject(at);
    }
  });

  it("counts days like the Gregorian calendar in JavaScript's reliable range", () => {
    for (let y = 1600; y <= 2400; y += 7) {
      for (const [m, d] of [
        [1, 1],
        [2, 28],
        [3, 1],
        [12, 31],
      ] as const) {
        const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const utcDays = Date.UTC(y, m - 1, d) / 86_400_000;
        expect(dayNumber(iso) - dayNumber("1970-01-01")).toBe(utcDays);
        expect(fromDayNumber(dayNumber(iso))).toBe(iso);
      }
    }
    expect(weekday("0001-01-01")).toBe(1);
    expect(fromDayNumber(dayNumber(MAX_DATE))).toBe(MAX_DATE);
  });
});

describe("date formulas are bounded and each term is computed in constant time", () => {
  it("999999999D is an error naming the formula, not 0NaN-NaN-NaN", () => {
    const e = caught(() => calcDate("999999999D", "2025-01-15", { field: "paymentTermsCode" }));
    expect(e.code).toBe("validation");
    expect(e.message).toContain("999999999D");
    expect(e.details[0]?.field).toBe("paymentTermsCode");
  });

  it("99999999999Y (eleven digits) is not a valid formula", () => {
    expect(isValidDateFormula("99999999999Y")).toBe(false);
    expect(caught(() => calcDate("99999999999Y", "2024-01-01")).code).toBe("input");
  });

  it("999999999WD answers at once (it used to walk a billion days)", () => {
    const started = Date.now();
    expect(caught(() => calcDate("999999999WD", "2025-01-15")).code).toBe("validation");
    // Not a timing target: a walk would not finish within the test's own timeout at all.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("n weekdays computed in one step equal n weekdays walked one by one", () => {
    const walk = (start: string, sign: 1 | -1, n: number) => {
      let d = start;
      for (let i = 0; i < n; i++) {
        do d = addDays(d, sign);
        while (weekday(d) > 5);
      }
      return d;
    };
    for (let start = 0; start < 7; start++) {
      const date = addDays("2025-01-13", start);
      for (let n = 0; n <= 40; n++) {
        expect(calcDate(`${n}WD`, date)).toBe(walk(date, 1, n));
        expect(calcDate(`-${n}WD`, date)).toBe(walk(date, -1, n));
      }
    }
  });

  it("refuses a formula longer than BC's 32 characters", () => {
    expect(isValidDateFormula("1D+".repeat(11) + "1D")).toBe(false);
    expect(isValidDateFormula("1D+".repeat(10) + "1D")).toBe(true);
  });
});
