/**
 * An independent proleptic Gregorian calendar and CalcDate model for the date properties: day numbers
 * counted by hand (no Date, no engine code), so a bug in the engine's date type cannot hide in both.
 * Day 0 is 0001-01-01 (a Monday); the last day is 9999-12-31.
 */

const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthLength(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days from 0001-01-01 to y-m-d (any y ≥ 1; months and days must be valid). */
export function dayNumber(y: number, m: number, d: number): number {
  const p = y - 1;
  const before = 365 * p + Math.floor(p / 4) - Math.floor(p / 100) + Math.floor(p / 400);
  return before + CUMULATIVE[m - 1]! + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
}

export const FIRST_DAY = 0;
export const LAST_DAY = dayNumber(9999, 12, 31);

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function fromDayNumber(n: number): Ymd {
  // An estimate, then corrected by whole years: the estimate only has to be close.
  let y = Math.floor(n / 365.2425) + 1;
  while (y > 1 && dayNumber(y, 1, 1) > n) y--;
  while (dayNumber(y + 1, 1, 1) <= n) y++;
  let m = 1;
  while (m < 12 && dayNumber(y, m + 1, 1) <= n) m++;
  return { y, m, d: n - dayNumber(y, m, 1) + 1 };
}

export function iso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parseIso(text: string): Ymd {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

export function isoOfDay(n: number): string {
  return iso(fromDayNumber(n));
}

export function dayOfIso(text: string): number {
  const { y, m, d } = parseIso(text);
  return dayNumber(y, m, d);
}

/** ISO weekday, Monday = 1: day 0 (0001-01-01) was a Monday in the proleptic Gregorian calendar. */
export function isoWeekday(n: number): number {
  return (((n % 7) + 7) % 7) + 1;
}

/** Out of 0001-01-01 … 9999-12-31: the model's way of saying "the engine must refuse". */
export class OutOfRange extends Error {}

function checked(n: number): number {
  if (n < FIRST_DAY || n > LAST_DAY) throw new OutOfRange(`day ${n}`);
  return n;
}

export function modelAddDays(date: string, days: number): string {
  return isoOfDay(checked(dayOfIso(date) + days));
}

/** Whole months, clamped to the last day of the target month (31 Jan + 1M = 28 Feb). */
export function modelAddMonths(date: string, months: number): string {
  const { y, m, d } = parseIso(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  if (ny < 1 || ny > 9999) throw new OutOfRange(`year ${ny}`);
  return iso({ y: ny, m: nm, d: Math.min(d, monthLength(ny, nm)) });
}

export type Unit = "D" | "WD" | "W" | "M" | "Q" | "Y";
export type Term =
  | { kind: "shift"; sign: 1 | -1; n: number; unit: Unit }
  | { kind: "current"; sign: 1 | -1; unit: Unit }
  | { kind: "position"; sign: 1 | -1; unit: "WD" | "D" | "M"; n: number };

/** The formula text of terms, as a user writes it (the first term's '+' left out). */
export function formulaText(terms: readonly Term[]): string {
  return terms
    .map((t, i) => {
      const sign = t.sign < 0 ? "-" : i > 0 ? "+" : "";
      if (t.kind === "shift") return `${sign}${t.n}${t.unit}`;
      if (t.kind === "current") return `${sign}C${t.unit}`;
      return `${sign}${t.unit}${t.n}`;
    })
    .join("");
}

function weekdays(n: number, count: number, sign: 1 | -1): number {
  let day = n;
  for (let i = 0; i < count; i++) {
    do day = checked(day + sign);
    while (isoWeekday(day) > 5);
  }
  return day;
}

function term(date: string, t: Term): string {
  const n0 = dayOfIso(date);
  const { y, m } = parseIso(date);
  if (t.kind === "shift") {
    switch (t.unit) {
      case "D":
        return modelAddDays(date, t.sign * t.n);
      case "W":
        return modelAddDays(date, t.sign * 7 * t.n);
      case "WD":
        return isoOfDay(weekdays(n0, t.n, t.sign));
      case "M":
        return modelAddMonths(date, t.sign * t.n);
      case "Q":
        return modelAddMonths(date, t.sign * 3 * t.n);
      case "Y":
        return modelAddMonths(date, t.sign * 12 * t.n);
    }
  }
  if (t.kind === "current") {
    switch (t.unit) {
      case "D":
      case "WD":
        return date;
      case "W":
        return isoOfDay(checked(t.sign > 0 ? n0 + 7 - isoWeekday(n0) : n0 + 1 - isoWeekday(n0)));
      case "M":
        return iso({ y, m, d: t.sign > 0 ? monthLength(y, m) : 1 });
      case "Q": {
        const first = Math.floor((m - 1) / 3) * 3 + 1;
        return t.sign > 0
          ? iso({ y, m: first + 2, d: monthLength(y, first + 2) })
          : iso({ y, m: first, d: 1 });
      }
      case "Y":
        return iso({ y, m: t.sign > 0 ? 12 : 1, d: t.sign > 0 ? 31 : 1 });
    }
  }
  // Positions: the next (previous with '-') weekday n, day n (the month's last day when it is
  // shorter) or first of month n, never the date itself.
  let day = n0;
  for (let i = 0; i < 400; i++) {
    day = checked(day + t.sign);
    const x = fromDayNumber(day);
    if (t.unit === "WD" && isoWeekday(day) === t.n) return iso(x);
    if (t.unit === "D" && (x.d === t.n || (x.d === monthLength(x.y, x.m) && t.n > x.d))) return iso(x);
    if (t.unit === "M" && x.m === t.n && x.d === 1) return iso(x);
  }
  throw new Error(`position ${t.unit}${t.n} not found from ${date}`);
}

/** CalcDate by the model, term by term; throws OutOfRange when any step leaves the calendar. */
export function modelCalcDate(terms: readonly Term[], date: string): string {
  let d = date;
  for (const t of terms) d = term(d, t);
  return d;
}

/** Every date the model passes through, so a property can keep clear of the calendar's ends. */
export function modelSteps(terms: readonly Term[], date: string): string[] {
  const out = [date];
  let d = date;
  for (const t of terms) out.push((d = term(d, t)));
  return out;
}
