import { Engine } from "../api/engine.js";
import { rowToJson } from "../api/json.js";
import type { ColumnKind } from "../db/columns.js";
import type { ReadResult } from "../queries/read.js";
import { matchRows, sameValue } from "./compare.js";
import { checkLedgerInvariants, LedgerSnapshot, type InvariantViolation } from "./invariants.js";
import { compareWithPreview } from "./parity.js";
import { loadScenario, ScenarioFormatError } from "./parse.js";
import { substitute, SubstitutionError, valueAtPath } from "./substitute.js";
import { entriesSince, markEntries, postedEntries } from "./trainer.js";
import type {
  CommandStep,
  ExpectResultStep,
  ExpectStep,
  FileResult,
  JsonObject,
  LoadedScenario,
  ScenarioLoader,
  Step,
  StepResult,
} from "./types.js";

export interface RunOptions {
  /** Reads scenario and fixture files (see ScenarioLoader). Not needed by runLoadedScenario. */
  loader?: ScenarioLoader;
  /** Makes the company database for one file; default `Engine.create({ workDate })`. */
  createEngine?: (options: { workDate?: string }) => Promise<Engine>;
  /**
   * Ledger invariants (invariants.ts): "step" checks them after every command and at the end of the
   * file (each violation is reported once, at the step that caused it); "file" only at the end;
   * "off" never. Default "step".
   * The append-only check (no posted row changes) runs after every command unless "off".
   */
  invariants?: "step" | "file" | "off";
  /** Before each postSalesDocument (not expecting an error), preview it and compare. Default true. */
  previewParity?: boolean;
  /** Collect the entries each command made (trainer output). Default true. */
  trainer?: boolean;
  /** Called as each step finishes (a CLI prints as it goes). */
  onStep?: (result: StepResult) => void;
}

/** Commands whose preview the runner compares with the posting. */
const PREVIEWED = new Set(["postSalesDocument"]);

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Short JSON-ish text of a value for one-line labels: `{documentType: Invoice, no: SI1001}`. */
export function briefJson(value: unknown, max = 100): string {
  const text = (v: unknown): string => {
    if (typeof v === "string") return /^[\w./%+-]+$/.test(v) && v !== "" ? v : JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(text).join(", ")}]`;
    if (v !== null && typeof v === "object")
      return `{${Object.entries(v)
        .map(([k, x]) => `${k}: ${text(x)}`)
        .join(", ")}}`;
    return String(v);
  };
  const s = text(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function whereText(where: JsonObject): string {
  const parts = Object.entries(where).map(
    ([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`,
  );
  return parts.length ? ` where ${parts.join(", ")}` : "";
}

function stepLabel(step: Step, resolved: unknown): string {
  if (step.kind === "do") {
    const withText = briefJson(resolved ?? step.with, 90);
    let s = `${step.command} ${withText}`;
    if (step.as) s += ` → ${step.as}`;
    if (step.expectError !== undefined) s += ` (expect error "${step.expectError}")`;
    if (step.expectWarnings) s += ` (expect warnings ${step.expectWarnings.map((w) => `"${w}"`).join(", ")})`;
    return s;
  }
  if (step.kind === "expect") {
    const where = whereText((resolved as JsonObject | undefined) ?? step.where);
    const what =
      step.rows !== undefined
        ? `${step.rows.length} row${step.rows.length === 1 ? "" : "s"}${step.order === "any" ? " (any order)" : ""}`
        : step.count === 0
          ? "none"
          : `count ${step.count ?? 0}`;
    return `expect ${step.table}${where}: ${what}`;
  }
  return `expectResult ${step.name} ${briefJson(resolved ?? step.fields, 90)}`;
}

function readRows(
  engine: Engine,
  table: string,
  where: JsonObject,
): { rows: Record<string, unknown>[]; kinds: Map<string, ColumnKind>; keyFields: string[] } {
  const r = engine.run("read", { table, where }) as ReadResult;
  const kinds = new Map<string, ColumnKind>(r.columns.map((c) => [c.name, c.kind]));
  const rows = r.rows.map((row) => rowToJson(row, r.columns));
  const keyFields = engine.repo.def(table).def.key.slice();
  return { rows, kinds, keyFields };
}

/** One company, one file: the state a run carries from step to step. */
class FileRun {
  readonly kept = new Map<string, unknown>();
  readonly steps: StepResult[] = [];
  private snapshot: LedgerSnapshot | undefined;
  private readonly reported = new Set<string>();
  stopped: string | undefined;

  constructor(
    readonly engine: Engine,
    readonly options: RunOptions,
  ) {
    if (this.invariantMode !== "off") this.snapshot = LedgerSnapshot.take(engine.db);
  }

  get invariantMode(): "step" | "file" | "off" {
    return this.options.invariants ?? "step";
  }

  private emit(r: StepResult): void {
    this.steps.push(r);
    this.options.onStep?.(r);
  }

  run(step: Step): void {
    const base = { kind: step.kind, source: step.source, index: step.index, fixture: step.fixture };
    if (this.stopped !== undefined) {
      this.emit({ ...base, label: stepLabel(step, undefined), status: "skipped", message: this.stopped });
      return;
    }
    let result: StepResult;
    try {
      if (step.kind === "do") result = this.runCommand(step);
      else if (step.kind === "expect") result = this.runExpect(step);
      else result = this.runExpectResult(step);
    } catch (e) {
      const label = stepLabel(step, undefined);
      if (e instanceof SubstitutionError) {
        result = { ...base, label, status: "failed", message: e.message };
        if (step.kind === "do") this.stop(step);
      } else {
        result = { ...base, label, status: "failed", message: `The runner failed: ${errorText(e)}` };
        this.stop(step);
      }
    }
    this.emit(result);
    if (step.kind === "do") this.afterCommand(step);
  }

  private stop(step: Step): void {
    this.stopped = `not run: step ${step.index}${step.fixture ? ` of ${step.source}` : ""} failed`;
  }

  private runCommand(step: CommandStep): StepResult {
    const input = substitute(step.with, this.kept);
    const label = stepLabel(step, input);
    const base = { kind: step.kind, source: step.source, index: step.index, fixture: step.fixture, label };
    const request = { do: step.command, with: input };

    if (step.expectError !== undefined) {
      const expected = substitute(step.expectError, this.kept);
      const before = this.engine.export();
      const response = this.engine.dispatch(request);
      const after = this.engine.export();
      if (response.ok) {
        return {
          ...base,
          status: "failed",
          result: response.result,
          message: `Expected the command to fail with "${String(expected)}", but it succeeded.`,
        };
      }
      const problems: string[] = [];
      if (!response.error.message.includes(String(expected)))
        problems.push(`Expected an error containing "${String(expected)}", got: ${response.error.message}`);
      if (!equalBytes(before, after))
        problems.push("The failed command left changes in the database (its bytes differ from before).");
      return problems.length
        ? { ...base, status: "failed", message: problems.join("\n") }
        : { ...base, status: "passed", message: response.error.message };
    }

    const parityOn = (this.options.previewParity ?? true) && PREVIEWED.has(step.command);
    let preview: { ok: true; value: unknown } | { ok: false; message: string } | undefined;
    if (parityOn) {
      const before = this.engine.export();
      const response = this.engine.dispatch({ do: "previewPosting", with: input });
      const after = this.engine.export();
      if (!response.ok) preview = { ok: false, message: `previewPosting failed: ${response.error.message}` };
      else if (!equalBytes(before, after))
        preview = {
          ok: false,
          message: "previewPosting changed the database (its bytes differ from before).",
        };
      else preview = { ok: true, value: response.result };
    }

    const marks = markEntries(this.engine);
    const response = this.engine.dispatch(request);
    if (!response.ok) {
      this.stop(step);
      return { ...base, status: "failed", message: response.error.message };
    }
    if (step.as) this.kept.set(step.as, response.result);
    const result: StepResult = { ...base, status: "passed", result: response.result };
    const warnings = warningsOf(response.result);
    if (warnings.length) result.warnings = warnings;

    const needEntries = (this.options.trainer ?? true) || parityOn;
    const made = needEntries ? entriesSince(this.engine, marks) : {};
    if ((this.options.trainer ?? true) && Object.keys(made).length > 0)
      result.entries = postedEntries(this.engine, made);

    const problems: string[] = [];
    if (step.expectWarnings) {
      for (const w of substitute(step.expectWarnings, this.kept)) {
        if (!warnings.some((x) => x.includes(w)))
          problems.push(
            `Expected a warning containing "${w}"; the warnings were: ${warnings.length ? warnings.map((x) => `"${x}"`).join(", ") : "none"}.`,
          );
      }
    }
    if (preview) {
      const parityProblems = preview.ok ? compareWithPreview(preview.value, made) : [preview.message];
      result.parity = parityProblems.length
        ? { status: "failed", message: parityProblems.join("\n") }
        : { status: "passed" };
      if (parityProblems.length) problems.push(`Preview parity: ${parityProblems.join("\n")}`);
    }
    if (problems.length) {
      result.status = "failed";
      result.message = problems.join("\n");
    }
    return result;
  }

  private afterCommand(step: Step): void {
    if (this.invariantMode === "off") return;
    const violations: InvariantViolation[] = [];
    if (this.snapshot) violations.push(...this.snapshot.verify(this.engine.db));
    if (this.invariantMode === "step") violations.push(...checkLedgerInvariants(this.engine.db));
    this.snapshot = LedgerSnapshot.take(this.engine.db);
    this.report(violations, step, `invariants after step ${step.index}`);
  }

  /** Reports violations not reported before (a broken ledger stays broken; say so once). */
  private report(
    violations: InvariantViolation[],
    at: Step | undefined,
    label: string,
    always = false,
  ): void {
    const fresh = violations.filter((v) => !this.reported.has(v.message));
    for (const v of fresh) this.reported.add(v.message);
    if (fresh.length === 0 && !always) return;
    const last = this.steps[this.steps.length - 1];
    this.emit({
      kind: "invariants",
      source: at?.source ?? last?.source ?? "",
      index: at?.index ?? last?.index ?? 0,
      fixture: at?.fixture ?? false,
      label,
      status: fresh.length ? "failed" : "passed",
      ...(fresh.length ? { message: fresh.map((v) => `[${v.invariant}] ${v.message}`).join("\n") } : {}),
    });
  }

  /** The end-of-file check: every invariant, reported as one step. */
  finish(mainPath: string): void {
    if (this.invariantMode === "off") return;
    const violations = [
      ...(this.snapshot ? this.snapshot.verify(this.engine.db) : []),
      ...checkLedgerInvariants(this.engine.db),
    ];
    const last = this.steps[this.steps.length - 1];
    const at = last ? ({ source: mainPath, index: last.index, fixture: false } as Step) : undefined;
    this.report(violations, at, "invariants (end of file)", true);
  }

  private runExpect(step: ExpectStep): StepResult {
    const where = substitute(step.where, this.kept);
    const label = stepLabel(step, where);
    const base = { kind: step.kind, source: step.source, index: step.index, fixture: step.fixture, label };
    let read: ReturnType<typeof readRows>;
    try {
      read = readRows(this.engine, step.table, where);
    } catch (e) {
      return { ...base, status: "failed", message: `Cannot read ${step.table}: ${errorText(e)}` };
    }
    const { rows, kinds } = read;
    if (step.rows === undefined) {
      const want = step.count ?? 0;
      if (rows.length === want) return { ...base, status: "passed" };
      return {
        ...base,
        status: "failed",
        message: `Expected ${want === 0 ? "no rows" : `${want} row${want === 1 ? "" : "s"}`}, found ${rows.length}.`,
        diff: {
          table: step.table,
          where,
          order: "key",
          expected: [],
          actual: rows,
          keyFields: read.keyFields,
          pairs: rows.map((_, j) => ({ actualIndex: j, mismatches: [] })),
        },
      };
    }
    const expected = substitute(step.rows, this.kept);
    const outcome = matchRows(expected, rows, kinds, step.order);
    if (outcome.ok) return { ...base, status: "passed" };
    const wrongCount = expected.length !== rows.length;
    const bad = outcome.pairs.filter(
      (p) => p.mismatches.length > 0 || p.expectedIndex === undefined || p.actualIndex === undefined,
    ).length;
    const message = wrongCount
      ? `Expected ${expected.length} row${expected.length === 1 ? "" : "s"}, found ${rows.length}.`
      : `${bad} of ${expected.length} row${expected.length === 1 ? "" : "s"} differ${bad === 1 ? "s" : ""}.`;
    return {
      ...base,
      status: "failed",
      message,
      diff: {
        table: step.table,
        where,
        order: step.order,
        expected,
        actual: rows,
        keyFields: read.keyFields,
        pairs: outcome.pairs,
      },
    };
  }

  private runExpectResult(step: ExpectResultStep): StepResult {
    const fields = substitute(step.fields, this.kept);
    const label = stepLabel(step, fields);
    const base = { kind: step.kind, source: step.source, index: step.index, fixture: step.fixture, label };
    if (!this.kept.has(step.name)) {
      const names = [...this.kept.keys()];
      return {
        ...base,
        status: "failed",
        message: `No result was kept as '${step.name}'${names.length ? ` (kept: ${names.join(", ")})` : ""}.`,
      };
    }
    const value = this.kept.get(step.name);
    const problems: string[] = [];
    for (const [field, expected] of Object.entries(fields)) {
      let actual: unknown;
      try {
        actual =
          value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, field)
            ? (value as Record<string, unknown>)[field]
            : valueAtPath(value, field.split("."), step.name);
      } catch (e) {
        problems.push(errorText(e));
        continue;
      }
      if (!sameValue(expected, actual))
        problems.push(
          `${field}: expected ${JSON.stringify(expected)}, got ${actual === undefined ? "nothing" : JSON.stringify(actual)}`,
        );
    }
    return problems.length
      ? { ...base, status: "failed", message: problems.join("\n"), result: value }
      : { ...base, status: "passed" };
  }
}

function warningsOf(result: unknown): string[] {
  if (result === null || typeof result !== "object" || !("warnings" in result)) return [];
  const w = (result as { warnings: unknown }).warnings;
  if (!Array.isArray(w)) return [];
  return w.map((x) =>
    typeof x === "string"
      ? x
      : x && typeof x === "object" && "message" in x
        ? String((x as { message: unknown }).message)
        : JSON.stringify(x),
  );
}

function summarize(
  path: string,
  title: string,
  workDate: string | undefined,
  steps: StepResult[],
  started: number,
  error?: string,
): FileResult {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const s of steps) counts[s.status]++;
  const failed = error !== undefined || counts.failed > 0 || counts.skipped > 0;
  return {
    path,
    title,
    ...(workDate !== undefined ? { workDate } : {}),
    status: failed ? "failed" : "passed",
    ...(error !== undefined ? { error } : {}),
    steps,
    counts,
    durationMs: Date.now() - started,
  };
}

/** Runs a scenario whose fixture chain is already loaded, on a fresh company database. */
export async function runLoadedScenario(
  scenario: LoadedScenario,
  options: RunOptions = {},
): Promise<FileResult> {
  const started = Date.now();
  const create = options.createEngine ?? ((o: { workDate?: string }) => Engine.create(o));
  let engine: Engine;
  try {
    engine = await create(scenario.workDate !== undefined ? { workDate: scenario.workDate } : {});
  } catch (e) {
    return summarize(
      scenario.path,
      scenario.title,
      scenario.workDate,
      [],
      started,
      `Cannot create the engine: ${errorText(e)}`,
    );
  }
  try {
    const run = new FileRun(engine, options);
    for (const file of scenario.files) for (const step of file.steps) run.run(step);
    run.finish(scenario.path);
    return summarize(scenario.path, scenario.title, scenario.workDate, run.steps, started);
  } finally {
    engine.close();
  }
}

/** Loads a scenario file (and its fixtures) through `options.loader` and runs it. */
export async function runScenarioFile(
  path: string,
  options: RunOptions & { loader: ScenarioLoader },
): Promise<FileResult> {
  const started = Date.now();
  let scenario: LoadedScenario;
  try {
    scenario = await loadScenario(path, options.loader);
  } catch (e) {
    const message = e instanceof ScenarioFormatError ? e.message : `Cannot load ${path}: ${errorText(e)}`;
    return summarize(path, path, undefined, [], started, message);
  }
  return runLoadedScenario(scenario, options);
}
