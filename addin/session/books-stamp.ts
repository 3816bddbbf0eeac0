import { HEADER_FIELDS, LINE_COLUMNS } from "../sheets/layouts.js";
import type { Row } from "./engine-calls.js";

/**
 * A sheet's stamp: a digest of the books' values the sheet shows (a document's header and lines, a
 * master table), taken from the rows it was written from. Not the workbook's save generation: every save raises that, so every other
 * document's sheet would look stale and lose its unsent edits. The digest changes only when the rows
 * the sheet shows change, which is exactly when diffing the sheet against the books would be wrong.
 * 53-bit cyrb53 over the JSON: change detection, not security.
 */
export function booksStamp(...parts: unknown[]): string {
  const text = JSON.stringify(parts);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Only the fields a sheet shows: a change to another computed field must not make it stale. */
export function shownStamp(fields: string[], ...tables: Row[][]): string {
  return booksStamp(...tables.map((rows) => rows.map((r) => fields.map((f) => r[f] ?? null))));
}

/** A document sheet's stamp: its header fields and its lines' columns. */
export function documentSheetStamp(header: Row | undefined, lines: Row[]): string {
  return booksStamp(
    HEADER_FIELDS.map((f) => header?.[f.field] ?? null),
    lines.map((l) => LINE_COLUMNS.map((c) => l[c.field] ?? null)),
  );
}

/**
 * A sheet is stale when its stamp names other books. A sheet with no stamp at all was written by a
 * Ledgerpane before stamps (or its stamp cell was cleared): it is read as before, so an upgrade
 * never discards what the user typed.
 */
export const isStale = (sheetStamp: string | null, books: string) =>
  sheetStamp !== null && sheetStamp !== books;
