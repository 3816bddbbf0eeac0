import { fail, type ErrorDetail } from "./errors.js";

/**
 * Dates are ISO strings (YYYY-MM-DD) everywhere in the engine, from 0001-01-01 to 9999-12-31 (the range
 * of Business Central's Date type). Arithmetic goes through a day number counted in the proleptic
 * Gregorian calendar, not through JavaScript's Date: `Date.UTC` maps years 0–99 to 1900–1999 and yields
 * NaN past ±8.64e15 ms, and either would put a wrong date into an append-only ledger.
 */
export type IsoDate = string;

export const MIN_DATE: IsoDate = "0001-01-01";
export const MAX_DATE: IsoDate = "9999-12-31";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Where a date came from, so an out-of-range result names the field a user can change. */
export type DateContext = Omit<ErrorDetail, "message">;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function split(date: IsoDate): Ymd {
  if (!isIsoDate(date))
    return fail("input", `'${String(date).slice(0, 40)}' is not a date (expected YYYY-MM-DD).`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function outOfRange(what: string, at: DateContext): never {
  return fail(
    "validation",
    `${what} is outside the dates Ledgerpane can store (${MIN_DATE} to ${MAX_DATE}).`,
    at,
  );
}

function join({ y, m, d }: Ymd, at: DateContext = {}): IsoDate {
  if (!Number.isSafeInteger(y) || y < 1 || y > 9999) return outOfRange(`A date in the year ${y}`, at);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Days since 0001-01-01 (= 0). Counts whole 400-year cycles of 146,097 days, then years, then months. */
export function dayNumber(date: IsoDate): number {
  const { y, m, d } = split(date);
  const years = y - 1;
  let days = years * 365 + Math.floor(years / 4) - Math.floor(years / 100) + Math.floor(years / 400);
  for (let month = 1; month < m; month++) days += daysInMonth(y, month);
  return days + d - 1;
}

const MAX_DAY = 3_652_058; // dayNumber("9999-12-31")

/** The date of a day number; a number outside the storable range is an error naming `at`. */
export function fromDayNumber(days: number, at: DateContext = {}): IsoDate {
  if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DAY)
    return outOfRange(days < 0 ? "A date before the year 1" : "A date after the year 9999", at);
  const cycles = Math.floor(days / 146_097);
  let rest = days - cycles * 146_097;
  // Within a cycle: 4 centuries of 36,524 days, the last one a day longer; the same for 4-year groups.
  const centuries = Math.min(3, Math.floor(rest / 36_524));
  rest -= centuries * 36_524;
  const quads = Math.floor(rest / 1461);
  rest -= quads * 1461;
  const years = Math.min(3, Math.floor(rest / 365));
  rest -= years * 365;
  const y = cycles * 400 + centuries * 100 + quads * 4 + years + 1;
  let m = 1;
  while (rest >= daysInMonth(y, m)) rest -= daysInMonth(y, m++);
  return join({ y, m, d: rest + 1 }, at);
}

export function addDays(date: IsoDate, days: number, at: DateContext = {}): IsoDate {
  return fromDayNumber(dayNumber(date) + days, at);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Month arithmetic clamps to the month's last day, as CalcDate does (31 Jan + 1M = 28 Feb). */
export function addMonths(date: IsoDate, months: number, at: DateContext = {}): IsoDate {
  const { y, m, d } = split(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  if (!Number.isSafeInteger(index) || ny < 1 || ny > 9999)
    return outOfRange(ny < 1 ? "A date before the year 1" : "A date after the year 9999", at);
  const nm = index - ny * 12 + 1;
  return join({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) }, at);
}

/** ISO weekday: Monday = 1 … Sunday = 7 (Business Central's weeks start on Monday). */
export function weekday(date: IsoDate): number {
  // 0001-01-01 was a Monday in the proleptic Gregorian calendar.
  return (dayNumber(date) % 7) + 1;
}

export function yearMonthDay(date: IsoDate): { y: number; m: number; d: number } {
  return split(date);
}

export function makeDate(y: number, m: number, d: number, at: DateContext = {}): IsoDate {
  return join({ y, m, d }, at);
}
