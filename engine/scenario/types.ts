/**
 * The scenario language (shared/spec/scenario-format.md) as typed values, and the structured results
 * the runner produces. Everything here is plain JSON so a browser host, a CLI and a test can share it.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };
/** A row as `read` returns it: decimals as strings, dates as YYYY-MM-DD or null. */
export type JsonRow = Record<string, unknown>;

/**
 * Reads a scenario file by path and returns its text (or its already-parsed JSON). Injected so the
 * runner needs no file system: Node passes `fs.readFile`, a browser passes `fetch`.
 */
export type ScenarioLoader = (path: string) => Promise<unknown>;

interface StepBase {
  /** Path of the file the step was written in (the scenario itself or one of its fixtures). */
  source: string;
  /** 1-based position in that file. */
  index: number;
  /** True for steps of a fixture. */
  fixture: boolean;
}

export interface CommandStep extends StepBase {
  kind: "do";
  command: string;
  with: JsonObject;
  as?: string;
  expectError?: string;
  expectWarnings?: string[];
}

export interface ExpectStep extends StepBase {
  kind: "expect";
  table: string;
  where: JsonObject;
  rows?: JsonObject[];
  order: "key" | "any";
  count?: number;
}

export interface ExpectResultStep extends StepBase {
  kind: "expectResult";
  name: string;
  fields: JsonObject;
}

export type Step = CommandStep | ExpectStep | ExpectResultStep;

/** One file as written. */
export interface ScenarioFile {
  path: string;
  title: string;
  workDate?: string;
  fixture?: string;
  steps: Step[];
}

/** A scenario with its fixture chain resolved: `files` runs innermost fixture first, the scenario last. */
export interface LoadedScenario {
  path: string;
  title: string;
  /** The work date the engine runs at (see `effectiveWorkDate`). */
  workDate?: string;
  files: ScenarioFile[];
}

export type StepStatus = "passed" | "failed" | "skipped";

export interface FieldMismatch {
  field: string;
  expected: unknown;
  /** undefined when the row has no such field. */
  actual: unknown;
  /** Why the values differ when it is not plain inequality ("no such field", "not a number"). */
  note?: string;
}

/** One expected row against the actual row it was paired with (either may be absent). */
export interface RowPair {
  expectedIndex?: number;
  actualIndex?: number;
  mismatches: FieldMismatch[];
}

export interface RowsDiff {
  table: string;
  where: JsonObject;
  order: "key" | "any";
  expected: JsonObject[];
  actual: JsonRow[];
  /** Key fields of the table, shown beside actual rows so a reader can find them. */
  keyFields: string[];
  pairs: RowPair[];
}

/** Entries a posting step made, per ledger table, in `read` form (trainer output). */
export interface PostedEntries {
  tables: Record<string, JsonRow[]>;
  /** Names of the G/L accounts the G/L entries touch. */
  glAccountNames: Record<string, string>;
}

export interface StepResult {
  /** "do", "expect", "expectResult", or "invariants" for a check the runner added. */
  kind: Step["kind"] | "invariants";
  source: string;
  index: number;
  fixture: boolean;
  /** One line: the command or expectation, with `$` references already substituted. */
  label: string;
  status: StepStatus;
  /** For a failure: what went wrong, in words. */
  message?: string;
  /** For a failed `expect … rows`: expected against actual rows. */
  diff?: RowsDiff;
  /** For a command: its JSON result. */
  result?: unknown;
  /** Warnings a command returned (shown even when not expected). */
  warnings?: string[];
  /** For a command that created ledger entries: those entries (trainer output). */
  entries?: PostedEntries;
  /** For `postSalesDocument` with preview parity on: "passed" or the reason it failed. */
  parity?: { status: "passed" | "failed"; message?: string };
}

export interface FileResult {
  path: string;
  title: string;
  workDate?: string;
  status: "passed" | "failed";
  /** A failure before any step ran (file not found, not JSON, bad step shape). */
  error?: string;
  steps: StepResult[];
  counts: { passed: number; failed: number; skipped: number };
  durationMs: number;
}
