import {
  addDays,
  addMonths,
  daysInMonth,
  isIsoDate,
  makeDate,
  weekday,
  yearMonthDay,
  type DateContext,
  type IsoDate,
} from "./dates.js";
import { fail, LedgerpaneError } from "./errors.js";

/**
 * Business Central date formulas (CalcDate): `14D`, `1M`, `CM`, `1M+CM`, `-1W`, `CQ`, `WD5`, `D10`.
 * Units: D day, WD weekday, W week, M month, Q quarter, Y year. `C<unit>` is the end of the current
 * period (its start when preceded by `-`). `<unit><n>` is the next date that is weekday/day n.
 */
type Unit = "D" | "WD" | "W" | "M" | "Q" | "Y";
type Term =
  | { kind: "shift"; sign: 1 | -1; n: number; unit: Unit }
  | { kind: "current"; sign: 1 | -1; unit: Unit }
  | { kind: "position"; sign: 1 | -1; unit: Unit; n: number };

const TERM = /^(?:(\d{1,9})(WD|D|W|M|Q|Y)|C(WD|D|W|M|Q|Y)|(WD|D|W|M|Q|Y)(\d{1,2}))/;

/**
 * A formula is at most 32 characters (Business Central's DateFormula length) and a term's count at most
 * nine digits: every term is then computed in constant time and every count is an exact integer.
 */
export const MAX_DATE_FORMULA_LENGTH = 32;

export function parseDateFormula(formula: string): Term[] {
  if (typeof formula !== "string" || formula.length > MAX_DATE_FORMULA_LENGTH * 2)
    return fail("input", `A date formula is at most ${MAX_DATE_FORMULA_LENGTH} characters.`);
  const text = formula.replace(/[<>\s]/g, "").toUpperCase();
  if (text.length > MAX_DATE_FORMULA_LENGTH)
    return fail(
      "input",
      `'${text.slice(0, 40)}…' is longer than a date formula can be (${MAX_DATE_FORMULA_LENGTH} characters).`,
    );
  const terms: Term[] = [];
  let rest = text;
  let first = true;
  while (rest.length > 0) {
    let sign: 1 | -1 = 1;
    if (rest[0] === "+" || rest[0] === "-") {
      sign = rest[0] === "-" ? -1 : 1;
      rest = rest.slice(1);
    } else if (!first) {
      return fail("input", `'${formula.slice(0, 40)}' is not a valid date formula.`);
    }
    const m = TERM.exec(rest);
    if (!m) return fail("input", `'${formula.slice(0, 40)}' is not a valid date formula.`);
    if (m[1] !== undefined) terms.push({ kind: "shift", sign, n: Number(m[1]), unit: m[2] as Unit });
    else if (m[3] !== undefined) terms.push({ kind: "current", sign, unit: m[3] as Unit });
    else {
      const n = Number(m[5]);
      const unit = m[4] as Unit;
      if (
        (unit === "WD" && (n < 1 || n > 7)) ||
        (unit === "D" && (n < 1 || n > 31)) ||
        unit === "W" ||
        unit === "Y" ||
        unit === "Q" ||
        (unit === "M" && (n < 1 || n > 12))
      ) {
        return fail("input", `'${formula.slice(0, 40)}' is not a valid date formula.`);
      }
      terms.push({ kind: "position", sign, unit, n });
    }
    rest = rest.slice(m[0].length);
    first = false;
  }
  return terms;
}

export function isValidDateFormula(formula: string): boolean {
  try {
    parseDateFormula(formula);
    return true;
  } catch {
    return false;
  }
}

function shift(date: IsoDate, sign: 1 | -1, n: number, unit: Unit, at: DateContext): IsoDate {
  switch (unit) {
    case "D":
      return addDays(date, sign * n, at);
    case "W":
      return addDays(date, sign * 7 * n, at);
    case "WD":
      return shiftWeekdays(date, sign, n, at);
    case "M":
      return addMonths(date, sign * n, at);
    case "Q":
      return addMonths(date, sign * 3 * n, at);
    case "Y":
      return addMonths(date, sign * 12 * n, at);
  }
}

/**
 * n weekdays, Saturdays and Sundays skipped. The first 1–5 steps are walked (the start may be a weekend
 * day); from a weekday, every further 5 weekdays are exactly one week, so the rest is one addition.
 */
function shiftWeekdays(date: IsoDate, sign: 1 | -1, n: number, at: DateContext): IsoDate {
  if (n === 0) return date;
  const walked = ((n - 1) % 5) + 1;
  let d = date;
  for (let i = 0; i < walked; i++) {
    do d = addDays(d, sign, at);
    while (weekday(d) > 5);
  }
  return addDays(d, sign * 7 * ((n - walked) / 5), at);
}

function current(date: IsoDate, sign: 1 | -1, unit: Unit): IsoDate {
  const { y, m } = yearMonthDay(date);
  switch (unit) {
    case "D":
    case "WD":
      return date;
    case "W":
      return sign > 0 ? addDays(date, 7 - weekday(date)) : addDays(date, 1 - weekday(date));
    case "M":
      return sign > 0 ? makeDate(y, m, daysInMonth(y, m)) : makeDate(y, m, 1);
    case "Q": {
      const qStart = Math.floor((m - 1) / 3) * 3 + 1;
      return sign > 0 ? makeDate(y, qStart + 2, daysInMonth(y, qStart + 2)) : makeDate(y, qStart, 1);
    }
    case "Y":
      return sign > 0 ? makeDate(y, 12, 31) : makeDate(y, 1, 1);
  }
}

function position(date: IsoDate, sign: 1 | -1, unit: Unit, n: number, at: DateContext): IsoDate {
  // The next (or, with '-', the previous) date that is weekday n / day n / month n, never the date itself.
  let d = date;
  for (let i = 0; i < 400; i++) {
    d = addDays(d, sign, at);
    const ymd = yearMonthDay(d);
    if (unit === "WD" && weekday(d) === n) return d;
    if (unit === "D" && (ymd.d === n || (ymd.d === daysInMonth(ymd.y, ymd.m) && n > ymd.d))) return d;
    if (unit === "M" && ymd.m === n && ymd.d === 1) return d;
  }
  return fail("input", `Date formula position ${unit}${n} could not be resolved.`);
}

/**
 * CalcDate(formula, date). A blank formula returns the date unchanged. A result outside 0001-01-01 to
 * 9999-12-31 is an error that names the formula and, through `at`, the field it was computed for.
 */
export function calcDate(formula: string, date: IsoDate, at: DateContext = {}): IsoDate {
  if (!isIsoDate(date))
    return fail("input", `'${String(date).slice(0, 40)}' is not a date (expected YYYY-MM-DD).`, at);
  let d = date;
  try {
    for (const t of parseDateFormula(formula)) {
      if (t.kind === "shift") d = shift(d, t.sign, t.n, t.unit, at);
      else if (t.kind === "current") d = current(d, t.sign, t.unit);
      else d = position(d, t.sign, t.unit, t.n, at);
    }
  } catch (e) {
    if (e instanceof LedgerpaneError && e.code === "validation")
      return fail("validation", `The date formula '${formula}' applied to ${date}: ${e.message}`, at);
    throw e;
  }
  return d;
}
