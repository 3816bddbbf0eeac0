import { formatEntries } from "./trainer.js";
import type { FileResult, JsonRow, RowsDiff, StepResult } from "./types.js";

/** Plain-text reports of runner results, for a terminal, a test failure or a trainer's screen. */

export interface FormatOptions {
  /** Print the entries each posting made. Default true. */
  trainer?: boolean;
  /** Print every fixture step instead of one summary line per fixture (failures always show). */
  fixtureSteps?: boolean;
}

const MARK: Record<StepResult["status"], string> = { passed: "✓", failed: "✗", skipped: "·" };

function valueText(v: unknown): string {
  if (v === undefined) return "(none)";
  if (typeof v === "string") return /^[\w./%+:-]+$/.test(v) ? v : JSON.stringify(v);
  if (v === null || typeof v !== "object") return String(v);
  return JSON.stringify(v);
}

function rowText(row: JsonRow | Record<string, unknown>, fields?: readonly string[]): string {
  const names = fields ?? Object.keys(row);
  return `{${names
    .filter((f) => Object.prototype.hasOwnProperty.call(row, f))
    .map((f) => `${f}: ${valueText(row[f])}`)
    .join(", ")}}`;
}

function keyText(row: JsonRow, keyFields: readonly string[]): string {
  return keyFields.map((k) => `${k} ${valueText(row[k])}`).join(", ");
}

/** Expected rows against actual rows, one block per pair: what matched, what differs, what is missing or extra. */
export function formatDiff(diff: RowsDiff): string[] {
  const out: string[] = [];
  const expectedFields = [...new Set(diff.expected.flatMap((r) => Object.keys(r)))];
  const shownFields = expectedFields.length > 0 ? expectedFields : undefined;
  const actualText = (row: JsonRow, fields?: readonly string[]) => {
    const keys = keyText(row, diff.keyFields);
    const present = (fields ?? shownFields ?? []).filter((f) => Object.prototype.hasOwnProperty.call(row, f));
    const body = rowText(row, present.length > 0 ? present : briefFields(row));
    return keys ? `${body}  (${keys})` : body;
  };
  for (const p of diff.pairs) {
    const e = p.expectedIndex !== undefined ? diff.expected[p.expectedIndex] : undefined;
    const a = p.actualIndex !== undefined ? diff.actual[p.actualIndex] : undefined;
    const n = p.expectedIndex !== undefined ? `row ${p.expectedIndex + 1}` : "";
    if (e && a && p.mismatches.length === 0) {
      out.push(`✓ ${n} ${rowText(e)}  (${keyText(a, diff.keyFields)})`);
    } else if (e && a) {
      out.push(`✗ ${n} expected ${rowText(e)}`);
      out.push(`         actual   ${actualText(a, Object.keys(e))}`);
      for (const m of p.mismatches) {
        const got = m.actual === undefined ? "nothing" : valueText(m.actual);
        out.push(
          `         ${m.field}: expected ${valueText(m.expected)}, got ${got}${m.note ? ` (${m.note})` : ""}`,
        );
      }
    } else if (e) {
      out.push(`✗ ${n} expected ${rowText(e)}`);
      out.push(`         no row left to match it`);
    } else if (a) {
      out.push(`✗ unexpected row ${actualText(a)}`);
    }
  }
  return out;
}

/** For rows shown without expected fields (a `count`/`none` failure): a few telling fields. */
function briefFields(row: JsonRow): string[] {
  const preferred = [
    "documentType",
    "documentNo",
    "no",
    "lineNo",
    "type",
    "glAccountNo",
    "customerNo",
    "itemNo",
    "entryType",
    "postingDate",
    "quantity",
    "amount",
  ];
  return preferred.filter((f) => Object.prototype.hasOwnProperty.call(row, f)).slice(0, 7);
}

function indent(lines: readonly string[], by: string): string[] {
  return lines.map((l) => (l === "" ? l : `${by}${l}`));
}

/** One step: a line with its number, what it did and ✓/✗, then (indented) failure details and entries. */
export function formatStep(r: StepResult, options: FormatOptions = {}): string[] {
  const num = r.kind === "invariants" ? "  " : String(r.index).padStart(3);
  const parity = r.parity ? `  [preview ${r.parity.status === "passed" ? "✓" : "✗"}]` : "";
  const out = [`${num} ${MARK[r.status]} ${r.label}${parity}`];
  const details: string[] = [];
  if (r.status === "failed" && r.message) details.push(...r.message.split("\n"));
  if (r.diff && r.status === "failed") details.push(...indent(formatDiff(r.diff), "  "));
  if (r.status === "failed" && r.kind === "expectResult" && r.result !== undefined)
    details.push(`  result: ${JSON.stringify(r.result)}`);
  if (r.warnings?.length) details.push(...r.warnings.map((w) => `warning: ${w}`));
  if ((options.trainer ?? true) && r.entries) details.push(...formatEntries(r.entries));
  out.push(...indent(details, "      "));
  return out;
}

function fixtureGroups(steps: readonly StepResult[]): { source: string; steps: StepResult[] }[] {
  const groups: { source: string; steps: StepResult[] }[] = [];
  for (const s of steps) {
    const last = groups[groups.length - 1];
    if (last && last.source === s.source) last.steps.push(s);
    else groups.push({ source: s.source, steps: [s] });
  }
  return groups;
}

function countText(c: FileResult["counts"]): string {
  const parts = [`${c.passed} passed`, `${c.failed} failed`];
  if (c.skipped) parts.push(`${c.skipped} not run`);
  return parts.join(", ");
}

/** A whole file: title, each step (fixtures folded to one line unless asked), and its step counts. */
export function formatFile(f: FileResult, options: FormatOptions = {}): string[] {
  const out = [`${f.status === "passed" ? "✓" : "✗"} ${f.title}`];
  out.push(`  ${f.path}${f.workDate ? ` · work date ${f.workDate}` : ""}`);
  if (f.error) {
    out.push(...indent(f.error.split("\n"), "  ✗ "));
    return out;
  }
  for (const g of fixtureGroups(f.steps)) {
    const isFixture = g.steps.every((s) => s.fixture);
    if (isFixture && !options.fixtureSteps) {
      const failed = g.steps.filter((s) => s.status !== "passed");
      out.push(`  fixture ${g.source}: ${g.steps.length} steps ${failed.length ? "✗" : "✓"}`);
      for (const s of failed) out.push(...indent(formatStep(s, options), "  "));
      continue;
    }
    if (isFixture) out.push(`  fixture ${g.source}:`);
    for (const s of g.steps) out.push(...indent(formatStep(s, options), isFixture ? "  " : ""));
  }
  const stop = f.steps.find((s) => s.status === "skipped");
  if (stop?.message) out.push(`  (· ${stop.message})`);
  out.push(`  steps: ${countText(f.counts)} (${f.durationMs} ms)`);
  return out;
}

/** Only what went wrong in a file (for a failing test): its failed steps with their details. */
export function formatFailures(f: FileResult): string {
  const out = [`${f.title} (${f.path})`];
  if (f.error) out.push(f.error);
  const failed = f.steps.filter((s) => s.status === "failed");
  for (const s of failed) {
    const where = s.fixture ? `${s.source} ` : "";
    out.push(`${where}step ${s.index}:`, ...formatStep(s, { trainer: false }));
  }
  const skipped = f.steps.filter((s) => s.status === "skipped").length;
  if (skipped) out.push(`(${skipped} later steps not run)`);
  out.push(`steps: ${countText(f.counts)}`);
  return out.join("\n");
}

/** The closing lines: step totals, then exactly `N passed, M failed` counting files. */
export function formatSummary(files: readonly FileResult[]): string[] {
  const steps = { passed: 0, failed: 0, skipped: 0 };
  for (const f of files) {
    steps.passed += f.counts.passed;
    steps.failed += f.counts.failed;
    steps.skipped += f.counts.skipped;
  }
  const passed = files.filter((f) => f.status === "passed").length;
  const failed = files.length - passed;
  const lines: string[] = [];
  const failing = files.filter((f) => f.status === "failed");
  if (failing.length) lines.push(`failed: ${failing.map((f) => f.path).join(", ")}`);
  lines.push(`steps: ${countText(steps)}`);
  lines.push(`${passed} passed, ${failed} failed`);
  return lines;
}
