import type { ColumnKind } from "../db/columns.js";
import { D, isDecimalText, type Dec } from "../kernel/decimal.js";
import type { FieldMismatch, JsonObject, JsonRow, RowPair } from "./types.js";

const NUMERIC_KINDS = new Set<ColumnKind>(["amount", "unitAmount", "qty", "pct", "int"]);

/** A decimal from a JSON number or decimal text, or undefined. JS numbers go through their text form. */
export function asDecimal(v: unknown): Dec | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? new D(String(v)) : undefined;
  if (typeof v === "bigint") return new D(v.toString());
  if (typeof v === "string" && isDecimalText(v)) return new D(v.trim());
  if (v instanceof D) return v;
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof D);
}

/**
 * Whether an expected value (as written in a scenario) equals an actual one (as `read` returns it).
 * Numbers are compared as exact decimals ("1210.00" = 1210 = "1210.0"); codes ignore case (the engine
 * stores them upper-cased); booleans, dates, options and texts must be equal. Without a known column
 * kind (command results), two numeric values compare as decimals and lists and objects recursively
 * (an expected object lists the fields it cares about; a list must have the same length).
 */
export function sameValue(expected: unknown, actual: unknown, kind?: ColumnKind): boolean {
  if (kind !== undefined && NUMERIC_KINDS.has(kind)) {
    const e = asDecimal(expected);
    const a = asDecimal(actual);
    return e !== undefined && a !== undefined && e.eq(a);
  }
  if (kind === "code") {
    const e = typeof expected === "number" ? String(expected) : expected;
    return typeof e === "string" && typeof actual === "string" && e.toUpperCase() === actual.toUpperCase();
  }
  if (kind === "bool") return typeof expected === "boolean" && expected === actual;
  if (kind === "text" && typeof expected === "number") return String(expected) === actual;
  if (kind !== undefined) return expected === actual;
  return sameLoose(expected, actual);
}

function sameLoose(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (expected === null || actual === null || expected === undefined || actual === undefined) return false;
  if (typeof expected === "boolean" || typeof actual === "boolean") return false;
  const e = asDecimal(expected);
  const a = asDecimal(actual);
  if (e !== undefined && a !== undefined) return e.eq(a);
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((v, i) => sameLoose(v, actual[i]))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(expected).every(
      ([k, v]) => Object.prototype.hasOwnProperty.call(actual, k) && sameLoose(v, actual[k]),
    );
  }
  return false;
}

/** Compares the fields an expected row lists; unlisted fields of the actual row are not looked at. */
export function compareRow(
  expected: JsonObject,
  actual: JsonRow,
  kinds: ReadonlyMap<string, ColumnKind>,
): FieldMismatch[] {
  const out: FieldMismatch[] = [];
  for (const [field, e] of Object.entries(expected)) {
    if (!Object.prototype.hasOwnProperty.call(actual, field)) {
      out.push({ field, expected: e, actual: undefined, note: "no such field" });
      continue;
    }
    const a = actual[field];
    const kind = kinds.get(field);
    if (sameValue(e, a, kind)) continue;
    const m: FieldMismatch = { field, expected: e, actual: a };
    if (kind !== undefined && NUMERIC_KINDS.has(kind) && asDecimal(e) === undefined)
      m.note = "expected value is not a number";
    else if (kind === "bool" && typeof e !== "boolean") m.note = "expected value is not true/false";
    out.push(m);
  }
  return out;
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths): `ok[i][j]` says expected i may pair with
 * actual j. Returns, per expected row, the actual row it is matched to or -1. Unlike a greedy pass,
 * it finds a complete pairing whenever one exists, even when an early expected row could take a row
 * that a later one needs.
 */
export function maxMatching(ok: readonly (readonly boolean[])[], actualCount: number): number[] {
  const matchOfActual = new Array<number>(actualCount).fill(-1);
  const matchOfExpected = new Array<number>(ok.length).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    const row = ok[i]!;
    for (let j = 0; j < actualCount; j++) {
      if (!row[j] || seen[j]) continue;
      seen[j] = true;
      const other = matchOfActual[j]!;
      if (other < 0 || tryAssign(other, seen)) {
        matchOfActual[j] = i;
        matchOfExpected[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < ok.length; i++) tryAssign(i, new Array<boolean>(actualCount).fill(false));
  return matchOfExpected;
}

/**
 * Pairs leftover expected and actual rows for display: the closest pairs first (fewest differing
 * fields), so a row that differs in one amount is shown against that row, not against a stranger.
 */
function pairLeftovers(
  expIdx: number[],
  actIdx: number[],
  mismatch: (i: number, j: number) => FieldMismatch[],
): RowPair[] {
  const candidates = expIdx.flatMap((i) => actIdx.map((j) => ({ i, j, m: mismatch(i, j) })));
  candidates.sort((a, b) => a.m.length - b.m.length || a.i - b.i || a.j - b.j);
  const pairs: RowPair[] = [];
  const freeE = new Set(expIdx);
  const freeA = new Set(actIdx);
  for (const c of candidates) {
    if (!freeE.has(c.i) || !freeA.has(c.j)) continue;
    freeE.delete(c.i);
    freeA.delete(c.j);
    pairs.push({ expectedIndex: c.i, actualIndex: c.j, mismatches: c.m });
  }
  for (const i of freeE) pairs.push({ expectedIndex: i, mismatches: [] });
  for (const j of freeA) pairs.push({ actualIndex: j, mismatches: [] });
  return pairs;
}

export interface RowsOutcome {
  ok: boolean;
  pairs: RowPair[];
}

/**
 * Whether the actual rows are exactly the expected ones: the same number, and each expected row's
 * fields equal to those of its partner. In key order the partner is the row at the same position;
 * with `order: "any"` a complete pairing is searched for (see maxMatching). The pairs returned explain
 * a failure: matched rows, rows paired with their closest candidate, rows missing and rows extra.
 */
export function matchRows(
  expected: readonly JsonObject[],
  actual: readonly JsonRow[],
  kinds: ReadonlyMap<string, ColumnKind>,
  order: "key" | "any",
): RowsOutcome {
  const cache = new Map<number, FieldMismatch[]>();
  const mismatch = (i: number, j: number): FieldMismatch[] => {
    const k = i * (actual.length + 1) + j;
    let m = cache.get(k);
    if (!m) {
      m = compareRow(expected[i]!, actual[j]!, kinds);
      cache.set(k, m);
    }
    return m;
  };
  const sameCount = expected.length === actual.length;

  if (order === "key") {
    if (sameCount) {
      const pairs = expected.map((_, i) => ({
        expectedIndex: i,
        actualIndex: i,
        mismatches: mismatch(i, i),
      }));
      return { ok: pairs.every((p) => p.mismatches.length === 0), pairs };
    }
    return { ok: false, pairs: alignInOrder(expected.length, actual.length, mismatch) };
  }

  const ok = expected.map((_, i) => actual.map((_, j) => mismatch(i, j).length === 0));
  const matched = maxMatching(ok, actual.length);
  const complete = sameCount && matched.every((j) => j >= 0);
  const pairs: RowPair[] = [];
  const usedActual = new Set<number>();
  matched.forEach((j, i) => {
    if (j >= 0) {
      pairs.push({ expectedIndex: i, actualIndex: j, mismatches: [] });
      usedActual.add(j);
    }
  });
  if (!complete) {
    const expLeft = expected.map((_, i) => i).filter((i) => matched[i]! < 0);
    const actLeft = actual.map((_, j) => j).filter((j) => !usedActual.has(j));
    pairs.push(...pairLeftovers(expLeft, actLeft, mismatch));
  }
  pairs.sort((a, b) => (a.expectedIndex ?? Infinity) - (b.expectedIndex ?? Infinity));
  return { ok: complete, pairs };
}

/**
 * For key order with a wrong row count: the longest in-order run of fully matching rows anchors the
 * alignment (so one missing row does not make every later row look wrong); rows between anchors are
 * paired position by position and the rest are missing or extra.
 */
function alignInOrder(n: number, m: number, mismatch: (i: number, j: number) => FieldMismatch[]): RowPair[] {
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        mismatch(i, j).length === 0 ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const anchors: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (mismatch(i, j).length === 0 && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  anchors.push([n, m]);
  const pairs: RowPair[] = [];
  let ei = 0;
  let aj = 0;
  for (const [ai, aj2] of anchors) {
    const gapE = ai - ei;
    const gapA = aj2 - aj;
    const both = Math.min(gapE, gapA);
    for (let k = 0; k < both; k++)
      pairs.push({ expectedIndex: ei + k, actualIndex: aj + k, mismatches: mismatch(ei + k, aj + k) });
    for (let k = both; k < gapE; k++) pairs.push({ expectedIndex: ei + k, mismatches: [] });
    for (let k = both; k < gapA; k++) pairs.push({ actualIndex: aj + k, mismatches: [] });
    if (ai < n && aj2 < m) pairs.push({ expectedIndex: ai, actualIndex: aj2, mismatches: [] });
    ei = ai + 1;
    aj = aj2 + 1;
  }
  return pairs;
}
