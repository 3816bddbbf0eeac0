import type { Parameters as FcParameters } from "fast-check";
import type { CommandResponse } from "../../engine/api/index.js";
import type { Database } from "../../engine/db/database.js";
import { TABLES } from "../../engine/db/schema/index.js";
import type { ErrorCode } from "../../engine/kernel/errors.js";

/**
 * Shared plumbing of the property-based suites (test/engine/properties/): one seed per file that is
 * printed and can be fixed, and the checks every command response and every stored value must pass.
 */

const printed = new Set<string>();

/**
 * The seed of a property file: LEDGERPANE_PROPERTY_SEED when set (to replay a failure), a fresh one
 * otherwise, so CI keeps exploring. Printed once per file, so a failing run can always be replayed.
 */
export function propertySeed(file: string): number {
  const raw = process.env.LEDGERPANE_PROPERTY_SEED;
  let seed: number;
  if (raw !== undefined && raw.trim() !== "") {
    seed = Number(raw);
    if (!Number.isSafeInteger(seed))
      throw new Error(`LEDGERPANE_PROPERTY_SEED must be an integer, not '${raw}'.`);
    seed |= 0; // fast-check seeds are 32-bit
  } else {
    seed = Math.floor(Math.random() * 0x7fffffff);
  }
  if (!printed.has(file)) {
    printed.add(file);
    console.info(`[${file}] property seed ${seed} (replay: LEDGERPANE_PROPERTY_SEED=${seed})`);
  }
  return seed;
}

/** LEDGERPANE_PROPERTY_RUNS: a factor on every property's runs and time budget, for a longer local hunt. */
function runsFactor(): number {
  const factor = Number(process.env.LEDGERPANE_PROPERTY_RUNS ?? "1");
  return Number.isFinite(factor) && factor > 0 ? factor : 1;
}

/**
 * The most one property may take: runs stop there (counted as passed when none failed), so a busy CI
 * machine runs fewer cases instead of timing out. Alone on a 2-core machine no property comes near it.
 */
export const PROPERTY_BUDGET_MS = 30_000;

/** The vitest timeout of a property test: its budget, plus room to shrink a failure and report it. */
export function propertyTimeout(): number {
  return PROPERTY_BUDGET_MS * runsFactor() + 30_000;
}

/**
 * fast-check parameters: the file's seed, `numRuns` scaled by LEDGERPANE_PROPERTY_RUNS, the time
 * budget, and LEDGERPANE_PROPERTY_PATH to replay the exact shrunk case fast-check reports.
 */
export function propertyParams<T>(
  seed: number,
  numRuns: number,
  extra: FcParameters<T> = {},
): FcParameters<T> {
  const path = process.env.LEDGERPANE_PROPERTY_PATH;
  return {
    seed,
    numRuns: Math.max(1, Math.round(numRuns * runsFactor())),
    interruptAfterTimeLimit: PROPERTY_BUDGET_MS * runsFactor(),
    ...(path ? { path } : {}),
    ...extra,
  };
}

/** Every code of the ErrorCode union; tsc refuses this file if a code is added and not listed here. */
export const ERROR_CODES = [
  "input",
  "validation",
  "not_found",
  "posting",
  "database",
  "internal",
] as const satisfies readonly ErrorCode[];
type Unlisted = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
export const ERROR_CODES_COMPLETE: [Unlisted] extends [never] ? true : never = true;

/** No message may echo a huge input back: an error is read by a person in a pane. */
export const MAX_ERROR_TEXT = 2_000;

/**
 * What is wrong with a refused command's error, in words (empty when nothing is): a known code that
 * is not "internal" (a stray JS error or a broken engine invariant), a short non-empty message, short
 * detail texts, and for input and validation errors a detail naming the field or table.
 */
export function errorShapeProblems(res: CommandResponse): string[] {
  if (res.ok) return [];
  const problems: string[] = [];
  const error = res.error as unknown;
  if (error === null || typeof error !== "object") return [`error is not an object: ${String(error)}`];
  const { code, message, details } = res.error;
  if (!(ERROR_CODES as readonly string[]).includes(code)) problems.push(`unknown error code '${code}'`);
  if (code === "internal") problems.push(`internal error (a bug, not a refusal): ${clip(message)}`);
  if (typeof message !== "string" || message.trim() === "") problems.push("empty error message");
  else if (message.length > MAX_ERROR_TEXT)
    problems.push(`error message is ${message.length} characters long: ${clip(message)}`);
  if (!Array.isArray(details)) return [...problems, "error details is not a list"];
  for (const d of details) {
    for (const [k, v] of Object.entries(d)) {
      if (typeof v === "string" && v.length > MAX_ERROR_TEXT)
        problems.push(`error detail '${k}' is ${v.length} characters long: ${clip(v)}`);
    }
  }
  if ((code === "input" || code === "validation") && !details.some((d) => d.field || d.table))
    problems.push(`${code} error names no field or table: ${clip(message)}`);
  return problems;
}

export function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/** A request as text for a failure message, with long strings cut so the report stays readable. */
export function describeRequest(request: unknown): string {
  try {
    return clip(
      JSON.stringify(request, (_k, v: unknown) => {
        if (typeof v === "string") return clip(v, 40);
        if (typeof v === "bigint") return `${v}n`;
        if (v instanceof Map) return `Map(${v.size})`;
        return v;
      }),
      600,
    );
  } catch {
    return String(request);
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date in 0001-01-01 … 9999-12-31, checked without the engine's date code (proleptic Gregorian). */
export function isValidIsoDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** Business Central's longest text field; nothing longer belongs in the books (an Excel cell holds 32,767). */
export const MAX_TEXT_LENGTH = 2_048;
/** Code fields are Code[20] in this engine (its own rule in api/input.ts), after upper-casing. */
export const MAX_CODE_LENGTH = 20;
/** BC's Line No. is an Integer: positive on documents, at most 2^31 − 1. */
const MAX_LINE_NO = 2_147_483_647;
const LINE_TABLES = new Set(["salesLine", "salesInvoiceLine", "salesShipmentLine"]);

/**
 * Stored values the engine must never write, whatever command got them there: dates that are not
 * ISO dates in range, texts and codes beyond their lengths, line numbers that are not positive
 * Integers. Reads the file with SQL, so an engine bug cannot hide a value on its way out; two
 * statements per table, so it can run after every command.
 */
export function storedValueProblems(db: Database): string[] {
  const problems: string[] = [];
  for (const t of TABLES) {
    const q = (c: string) => `"${t.name}"."${c}"`;
    const dates = t.columns.filter((c) => c.kind === "date");
    if (dates.length > 0) {
      // UNION, not UNION ALL: each distinct (column, date) once, however many rows hold it.
      const union = dates
        .map((c) => `SELECT '${c.name}', "${c.name}" FROM "${t.name}" WHERE "${c.name}" IS NOT NULL`)
        .join(" UNION ");
      const bad = db.all(union).filter((r) => !isValidIsoDate(r[1]));
      for (const [col, v] of bad.slice(0, 5))
        problems.push(`${q(String(col))} holds the invalid date ${JSON.stringify(v)}`);
    }
    const texts = t.columns.filter((c) => c.kind === "text" || c.kind === "code");
    if (texts.length > 0) {
      const row =
        db.all(`SELECT ${texts.map((c) => `MAX(length("${c.name}"))`).join(", ")} FROM "${t.name}"`)[0] ?? [];
      texts.forEach((c, i) => {
        const max = c.kind === "code" ? MAX_CODE_LENGTH : MAX_TEXT_LENGTH;
        const len = row[i];
        if (len !== null && len !== undefined && Number(len) > max)
          problems.push(`${q(c.name)} holds a ${c.kind} of ${String(len)} characters (at most ${max})`);
      });
    }
    if (LINE_TABLES.has(t.name)) {
      const r = db.all(
        `SELECT "lineNo" FROM "${t.name}" WHERE typeof("lineNo") <> 'integer' OR "lineNo" < 1 OR "lineNo" > ${MAX_LINE_NO} LIMIT 5`,
      );
      if (r.length > 0)
        problems.push(`${q("lineNo")} holds line numbers ${r.map((x) => String(x[0])).join(", ")}`);
    }
  }
  return problems;
}
