import type { ColumnDef } from "../db/columns.js";
import { SCALE } from "../db/columns.js";
import { checkMagnitude, type Value } from "../db/codec.js";
import { tableDef } from "../db/schema/index.js";
import { maxLength } from "../db/schema/lengths.js";
import { isIsoDate } from "../kernel/dates.js";
import { isValidDateFormula } from "../kernel/dateFormula.js";
import { dec, isDecimalText, type Dec } from "../kernel/decimal.js";
import { ErrorCollector, fail, LedgerpaneError, type ErrorDetail } from "../kernel/errors.js";
import { describeValue, normaliseText, shortText, textProblem } from "../kernel/text.js";

/**
 * The command boundary: plain JSON in, typed values out. Every problem is collected with the table
 * and field it belongs to, then reported together.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json | undefined };

/**
 * A plain object: a Map, Date or class instance would pass `typeof` and then be read as empty. `field`
 * is what a host marks: the request part or list the value was given for.
 */
export function asObject(value: unknown, what: string, field: string): JsonObject {
  const proto =
    value !== null && typeof value === "object" ? (Object.getPrototypeOf(value) as unknown) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    return fail("input", `${what} must be an object, not ${describeValue(value)}.`, { field });
  }
  return value as JsonObject;
}

export function asArray(value: unknown, what: string, field: string): unknown[] {
  if (!Array.isArray(value))
    return fail("input", `${what} must be a list, not ${describeValue(value)}.`, { field });
  return value;
}

/** A table name from command input: text, not whatever an object prints as. */
export function asTableName(value: unknown, what: string): string {
  if (typeof value !== "string")
    return fail("input", `${what} must be a table name, not ${describeValue(value)}.`, { field: "table" });
  return value;
}

export function parseDecimal(value: unknown, label: string): Dec {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return fail("input", `${label} must be a number, not ${String(value)}.`);
    // A JSON number's shortest text form is the decimal the user wrote; go through the string, never arithmetic.
    return dec(String(value));
  }
  if (typeof value === "string" && isDecimalText(value)) return dec(value.trim());
  return fail("input", `${label} must be a number, not ${describeValue(value)}.`);
}

/** Converts one field's JSON value to the engine value for its column, or explains why it cannot. */
export function parseField(col: ColumnDef, value: unknown, label: string): Value {
  try {
    return parseFieldValue(col, value, label);
  } catch (e) {
    // Every boundary error names the field, so a host can mark the cell.
    if (e instanceof LedgerpaneError)
      throw new LedgerpaneError(
        e.code,
        e.message,
        e.details.map((d) => ({ field: col.name, ...d })),
      );
    throw e;
  }
}

function parseFieldValue(col: ColumnDef, value: unknown, label: string): Value {
  const scale = SCALE[col.kind];
  if (scale !== undefined) {
    // A percentage typed as "5%" means 5: the sign is how people write it, not a different number.
    const typed = col.kind === "pct" && typeof value === "string" ? value.trim().replace(/\s*%$/, "") : value;
    const d = parseDecimal(typed, label);
    if (d.decimalPlaces() > scale)
      return fail("input", `${label} has more than ${scale} decimal places: ${d.toFixed().slice(0, 40)}.`);
    checkMagnitude(d, scale, label);
    return d;
  }
  switch (col.kind) {
    case "bool":
      if (typeof value === "boolean") return value;
      return fail("input", `${label} must be true or false, not ${describeValue(value)}.`);
    case "int":
      return parseWholeNumber(col, value, label);
    case "date":
      if (value === null || value === "") return null;
      if (isIsoDate(value)) return value;
      return fail(
        "input",
        `${label} must be a date from 0001-01-01 to 9999-12-31 (YYYY-MM-DD), not ${describeValue(value)}.`,
      );
    case "option": {
      const options = col.options ?? [];
      if (typeof value === "string" && options.includes(value)) return value;
      const list = options.map((o) => `"${o}"`).join(", ");
      return fail("input", `${label} must be one of ${list}, not ${describeValue(value)}.`);
    }
    case "dateFormula":
      if (typeof value === "string" && isValidDateFormula(value)) return value.toUpperCase();
      return fail("input", `${label} is not a valid date formula: ${describeValue(value)}.`);
    case "code":
    default:
      return parseText(col, value, label);
  }
}

/** BC's Integer: line numbers are positive, nothing passes 2^31 − 1, and digits are never rounded. */
function parseWholeNumber(col: ColumnDef, value: unknown, label: string): number {
  let n: number | undefined;
  if (typeof value === "number" && Number.isSafeInteger(value)) n = value;
  else if (
    typeof value === "string" &&
    /^\s*-?\d{1,16}\s*$/.test(value) &&
    Number.isSafeInteger(Number(value))
  )
    n = Number(value);
  if (n === undefined) return fail("input", `${label} must be a whole number, not ${describeValue(value)}.`);
  const min = col.name === "lineNo" || col.name.endsWith("LineNo") ? 1 : -2_147_483_648;
  if (n < min || n > 2_147_483_647)
    return fail("input", `${label} must be a whole number from ${min} to 2147483647, not ${n}.`);
  return n;
}

function parseText(col: ColumnDef, value: unknown, label: string): string {
  if (typeof value === "number" && Number.isFinite(value)) value = String(value);
  if (typeof value !== "string") return fail("input", `${label} must be text, not ${describeValue(value)}.`);
  const problem = textProblem(value);
  if (problem) return fail("input", `${label} ${problem}: ${describeValue(value)}.`);
  const text = col.kind === "code" ? normaliseText(value).toUpperCase() : normaliseText(value);
  const table = /^(\w+)\./.exec(label)?.[1] ?? "";
  const max = maxLength(table, col);
  if (max !== undefined && text.length > max)
    return fail(
      "input",
      `${label} is longer than ${max} characters (${text.length}): ${describeValue(text)}.`,
    );
  return text;
}

export interface ParseRowOptions {
  /** Only these fields may be given (default: every column of the table). */
  allowed?: ReadonlySet<string>;
  /** Extra details for each error (document, line). */
  where?: Omit<ErrorDetail, "message" | "field">;
  /** Fields that are not columns but are accepted and passed through untouched. */
  passThrough?: ReadonlySet<string>;
}

/**
 * Parses a JSON object into typed column values of `table`. Unknown fields, wrong types, bad numbers
 * and dates are all collected into `errors` (one detail per field) instead of stopping at the first.
 */
export function parseRow(
  table: string,
  input: JsonObject,
  errors: ErrorCollector,
  options: ParseRowOptions = {},
): Record<string, Value> {
  const def = tableDef(table);
  if (!def) return fail("input", `Unknown table '${shortText(table)}'.`, { table: shortText(table) });
  const cols = new Map(def.columns.map((c) => [c.name, c]));
  const out: Record<string, Value> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (options.passThrough?.has(field)) continue;
    const col = cols.get(field);
    if (!col || (options.allowed && !options.allowed.has(field))) {
      errors.add(`${table} has no field '${field}' that can be set here.`, {
        table,
        field,
        ...options.where,
      });
      continue;
    }
    try {
      out[field] = parseField(col, value, `${table}.${field}`);
    } catch (e) {
      collectError(errors, e, { table, field, ...options.where });
    }
  }
  return out;
}

/** Reads one required field of a command input. */
export function required(input: JsonObject, field: string, command: string): Json {
  const v = input[field];
  if (v === undefined || v === null || v === "")
    return fail("input", `${command}: '${field}' is required.`, { field });
  return v;
}

/** Rejects command input fields that the command does not know. */
export function onlyFields(input: JsonObject, allowed: readonly string[], command: string): void {
  const known = new Set(allowed);
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    fail(
      "input",
      `${command}: unknown field${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")}.`,
      {
        field: unknown[0]!,
      },
    );
  }
}

/**
 * Adds a caught error to a collector, keeping the document, line and field its details name; `at`
 * fills in what they leave out.
 */
export function collectError(errors: ErrorCollector, e: unknown, at: Omit<ErrorDetail, "message">): void {
  if (e instanceof LedgerpaneError) {
    for (const d of e.details) errors.details.push({ ...at, ...d });
    return;
  }
  errors.add(e instanceof Error ? e.message : String(e), at);
}
