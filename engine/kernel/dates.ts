import { fail } from "./errors.js";

/** Dates are ISO strings (YYYY-MM-DD) everywhere in the engine; arithmetic goes through UTC days. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function split(date: IsoDate): Ymd {
  const m = ISO.exec(date);
  if (!m) return fail("input", `'${date}' is not a date (expected YYYY-MM-DD).`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function join({ y, m, d }: Ymd): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function toDays(date: IsoDate): number {
  const { y, m, d } = split(date);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

function fromDays(days: number): IsoDate {
  const dt = new Date(days * 86_400_000);
  return join({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDays(toDays(date) + days);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Month arithmetic clamps to the month's last day, as CalcDate does (31 Jan + 1M = 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = split(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return join({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** ISO weekday: Monday = 1 … Sunday = 7 (Business Central's weeks start on Monday). */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toDays(date) + 3) % 7) + 7) % 7) + 1;
}

export function yearMonthDay(date: IsoDate): { y: number; m: number; d: number } {
  return split(date);
}

export function makeDate(y: number, m: number, d: number): IsoDate {
  return join({ y, m, d });
}
