/**
 * Text as it enters the books. sql.js carries strings as UTF-8 and reads them back through a decoder
 * that drops a leading byte-order mark and turns unpaired surrogates into U+FFFD, and SQLite's text
 * ends at a NUL: each would store something other than what was typed, silently. So text is
 * normalised once at the command boundary (leading BOM removed, Unicode NFC) and text that cannot
 * be stored as typed is refused with a message.
 */
export function normaliseText(value: string): string {
  const withoutBom = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
  return withoutBom.normalize("NFC");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Tab, line feed and carriage return are text; every other C0 control and DEL is not.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why this text cannot be stored as typed, or null when it can. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return "contains a broken character (an unpaired UTF-16 surrogate)";
  if (CONTROL.test(value)) return "contains a control character";
  return null;
}

/** At most `max` characters of a value, for an error message (a 1 MB code is not echoed whole). */
export function shortText(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}

/**
 * A value as a message may quote it: JSON for plain values, shortened; a plain description for what
 * JSON cannot show (bigint, functions, maps, deep or cyclic structures), never a JavaScript error.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(shortText(value));
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${shortText(value.toString())} (a BigInt)`;
    case "undefined":
      return "nothing";
    case "function":
    case "symbol":
      return `a ${typeof value}`;
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return `a ${name || "non-plain"} object`;
  }
  return "an object";
}
