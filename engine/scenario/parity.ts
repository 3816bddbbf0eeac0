import type { ColumnKind } from "../db/columns.js";
import { tableDef } from "../db/schema/index.js";
import { COMPUTED } from "../queries/computed.js";
import { POSTING_LEDGERS } from "../posting/commands.js";
import { sameValue } from "./compare.js";
import type { JsonRow } from "./types.js";

/** The ledgers a preview must show; other ledgers are compared when the preview lists them. */
export const PARITY_TABLES = POSTING_LEDGERS;

export function fieldKinds(table: string): Map<string, ColumnKind> {
  const kinds = new Map<string, ColumnKind>();
  for (const c of tableDef(table)?.columns ?? []) kinds.set(c.name, c.kind);
  for (const f of COMPUTED[table] ?? []) kinds.set(f.name, f.kind);
  return kinds;
}

function show(v: unknown): string {
  return v === undefined ? "(missing)" : JSON.stringify(v);
}

/**
 * Compares what `previewPosting` said a posting would make with what the posting made: per ledger, the
 * same number of entries and, entry by entry (by entry number), every stored field equal — entry
 * numbers included. Computed fields are compared when the preview gives them. Returns the differences
 * in words; none means parity.
 */
export function compareWithPreview(preview: unknown, posted: Record<string, JsonRow[]>): string[] {
  const problems: string[] = [];
  const entries =
    preview !== null && typeof preview === "object" && "entries" in preview
      ? (preview as { entries: unknown }).entries
      : undefined;
  if (entries === null || typeof entries !== "object" || Array.isArray(entries))
    return ["previewPosting returned no 'entries' object."];
  const previewTables = entries as Record<string, unknown>;
  const tables = new Set<string>([...PARITY_TABLES, ...Object.keys(previewTables), ...Object.keys(posted)]);
  for (const table of tables) {
    const def = tableDef(table);
    const inPreview = previewTables[table];
    const actual = posted[table] ?? [];
    if (inPreview === undefined) {
      if ((PARITY_TABLES as readonly string[]).includes(table)) {
        problems.push(
          `${table}: the preview does not list this ledger (the posting made ${actual.length} entries).`,
        );
      }
      continue;
    }
    if (!def) {
      problems.push(`${table}: the preview lists a table the registry does not know.`);
      continue;
    }
    if (!Array.isArray(inPreview) || inPreview.some((r) => r === null || typeof r !== "object")) {
      problems.push(`${table}: the preview's entries are not a list of rows.`);
      continue;
    }
    const key = def.key[0]!;
    const previewRows = (inPreview as JsonRow[]).slice().sort((a, b) => Number(a[key]) - Number(b[key]));
    if (previewRows.length !== actual.length) {
      const keys = (rows: readonly JsonRow[]) => rows.map((r) => String(r[key])).join(", ") || "none";
      problems.push(
        `${table}: the preview shows ${previewRows.length} entries (${keys(previewRows)}), the posting made ${actual.length} (${keys(actual)}).`,
      );
      continue;
    }
    const kinds = fieldKinds(table);
    const stored = new Set(def.columns.map((c) => c.name));
    previewRows.forEach((p, i) => {
      const a = actual[i]!;
      const diffs: string[] = [];
      for (const field of new Set([...Object.keys(p), ...Object.keys(a)])) {
        const inP = Object.prototype.hasOwnProperty.call(p, field);
        const inA = Object.prototype.hasOwnProperty.call(a, field);
        if (!inP && inA && !stored.has(field)) continue; // a computed field the preview leaves out
        if (inP && !inA) {
          diffs.push(`${field}: preview ${show(p[field])}, posted row has no such field`);
          continue;
        }
        const kind = kinds.get(field);
        if (!inP || !sameValue(p[field], a[field], kind ?? "text"))
          diffs.push(`${field}: preview ${show(p[field])}, posted ${show(a[field])}`);
      }
      if (diffs.length > 0) problems.push(`${table} entry ${String(a[key])}: ${diffs.join("; ")}.`);
    });
  }
  return problems;
}
