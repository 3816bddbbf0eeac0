import { resolvePath } from "./paths.js";
import type { Json, JsonObject, LoadedScenario, ScenarioFile, ScenarioLoader, Step } from "./types.js";

/** A scenario file that cannot be run as written: the message names the file and the step. */
export class ScenarioFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioFormatError";
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TOP_KEYS = new Set(["title", "fixture", "workDate", "steps", "description", "comment", "note"]);
const COMMENT_KEYS = new Set(["comment", "note", "description", "//"]);
const STEP_KEYS: Record<Step["kind"], ReadonlySet<string>> = {
  do: new Set(["do", "with", "as", "expectError", "expectWarnings"]),
  expect: new Set(["expect", "where", "rows", "order", "count", "none"]),
  expectResult: new Set(["expectResult", "fields"]),
};

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isIgnoredKey(key: string): boolean {
  return COMMENT_KEYS.has(key) || key.startsWith("_");
}

/**
 * Checks one step's shape and returns it typed. Unknown keys are refused (a misspelt `rows` would
 * otherwise silently expect nothing); `comment`, `note`, `//` and keys starting with `_` are free text.
 */
export function parseStep(raw: unknown, source: string, index: number, fixture: boolean): Step {
  const at = `${source}, step ${index}`;
  if (!isObject(raw)) throw new ScenarioFormatError(`${at}: a step must be an object.`);
  const kinds = (["do", "expect", "expectResult"] as const).filter((k) => k in raw);
  if (kinds.length !== 1) {
    throw new ScenarioFormatError(
      `${at}: a step needs exactly one of "do", "expect" or "expectResult" (found ${kinds.length === 0 ? "none" : kinds.join(", ")}).`,
    );
  }
  const kind = kinds[0]!;
  const unknown = Object.keys(raw).filter((k) => !STEP_KEYS[kind].has(k) && !isIgnoredKey(k));
  if (unknown.length > 0) {
    const allowed = [...STEP_KEYS[kind]].map((k) => `"${k}"`).join(", ");
    throw new ScenarioFormatError(
      `${at}: unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} (a "${kind}" step takes ${allowed}).`,
    );
  }
  const base = { source, index, fixture };
  if (kind === "do") {
    if (typeof raw.do !== "string" || raw.do === "")
      throw new ScenarioFormatError(`${at}: "do" must name a command.`);
    const withValue = raw.with ?? {};
    if (!isObject(withValue)) throw new ScenarioFormatError(`${at}: "with" must be an object.`);
    const step: Step = { ...base, kind, command: raw.do, with: withValue };
    if (raw.as !== undefined) {
      if (typeof raw.as !== "string" || !NAME.test(raw.as))
        throw new ScenarioFormatError(
          `${at}: "as" must be a name (letters, digits, _), not ${JSON.stringify(raw.as)}.`,
        );
      step.as = raw.as;
    }
    if (raw.expectError !== undefined) {
      if (typeof raw.expectError !== "string" || raw.expectError === "")
        throw new ScenarioFormatError(`${at}: "expectError" must be the text the error message contains.`);
      step.expectError = raw.expectError;
    }
    if (raw.expectWarnings !== undefined) {
      const w = raw.expectWarnings;
      if (!Array.isArray(w) || w.some((t) => typeof t !== "string"))
        throw new ScenarioFormatError(`${at}: "expectWarnings" must be a list of texts.`);
      if (step.expectError !== undefined)
        throw new ScenarioFormatError(`${at}: a step cannot expect both an error and warnings.`);
      step.expectWarnings = w as string[];
    }
    return step;
  }
  if (kind === "expect") {
    if (typeof raw.expect !== "string" || raw.expect === "")
      throw new ScenarioFormatError(`${at}: "expect" must name a table.`);
    const where = raw.where ?? {};
    if (!isObject(where)) throw new ScenarioFormatError(`${at}: "where" must be an object.`);
    const order = raw.order ?? "key";
    if (order !== "key" && order !== "any")
      throw new ScenarioFormatError(`${at}: "order" must be "any" (or "key", the default).`);
    const step: Step = { ...base, kind, table: raw.expect, where, order };
    const forms = ["rows", "count", "none"].filter((k) => raw[k] !== undefined);
    if (forms.length === 0)
      throw new ScenarioFormatError(`${at}: an "expect" step needs "rows", "count" or "none".`);
    if (raw.none !== undefined) {
      if (raw.none !== true) throw new ScenarioFormatError(`${at}: "none" must be true.`);
      if (forms.length > 1)
        throw new ScenarioFormatError(`${at}: "none" cannot be combined with "rows" or "count".`);
      step.count = 0;
    }
    if (raw.count !== undefined) {
      if (typeof raw.count !== "number" || !Number.isSafeInteger(raw.count) || raw.count < 0)
        throw new ScenarioFormatError(`${at}: "count" must be a whole number ≥ 0.`);
      step.count = raw.count;
    }
    if (raw.rows !== undefined) {
      if (!Array.isArray(raw.rows) || raw.rows.some((r) => !isObject(r)))
        throw new ScenarioFormatError(`${at}: "rows" must be a list of objects.`);
      step.rows = raw.rows as JsonObject[];
      if (step.count !== undefined && step.count !== step.rows.length)
        throw new ScenarioFormatError(
          `${at}: "count" ${step.count} contradicts the ${step.rows.length} rows listed.`,
        );
    }
    if (raw.order !== undefined && step.rows === undefined)
      throw new ScenarioFormatError(`${at}: "order" only applies to "rows".`);
    return step;
  }
  if (typeof raw.expectResult !== "string" || !NAME.test(raw.expectResult))
    throw new ScenarioFormatError(`${at}: "expectResult" must be the name a command's result was kept as.`);
  if (!isObject(raw.fields)) throw new ScenarioFormatError(`${at}: "fields" must be an object.`);
  return { ...base, kind, name: raw.expectResult, fields: raw.fields };
}

/** Checks a whole file's shape; steps are numbered from 1. */
export function parseScenarioFile(raw: unknown, path: string, fixture = false): ScenarioFile {
  if (!isObject(raw)) throw new ScenarioFormatError(`${path}: a scenario file must be a JSON object.`);
  const unknown = Object.keys(raw).filter((k) => !TOP_KEYS.has(k) && !k.startsWith("_"));
  if (unknown.length > 0)
    throw new ScenarioFormatError(
      `${path}: unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")}.`,
    );
  if (!Array.isArray(raw.steps)) throw new ScenarioFormatError(`${path}: "steps" must be a list.`);
  const file: ScenarioFile = {
    path,
    title: typeof raw.title === "string" ? raw.title : path,
    steps: raw.steps.map((s: Json, i: number) => parseStep(s, path, i + 1, fixture)),
  };
  if (raw.workDate !== undefined) {
    if (typeof raw.workDate !== "string" || !DATE.test(raw.workDate))
      throw new ScenarioFormatError(`${path}: "workDate" must be a date (YYYY-MM-DD).`);
    file.workDate = raw.workDate;
  }
  if (raw.fixture !== undefined) {
    if (typeof raw.fixture !== "string" || raw.fixture === "")
      throw new ScenarioFormatError(`${path}: "fixture" must be a path.`);
    file.fixture = raw.fixture;
  }
  return file;
}

async function loadJson(loader: ScenarioLoader, path: string, from?: string): Promise<unknown> {
  let loaded: unknown;
  try {
    loaded = await loader(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ScenarioFormatError(`${from ? `${from}: fixture ` : ""}${path} cannot be read: ${why}`);
  }
  if (typeof loaded !== "string") return loaded;
  try {
    return JSON.parse(loaded) as unknown;
  } catch (e) {
    throw new ScenarioFormatError(`${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The work date the whole run uses: the scenario's own, else that of the nearest fixture in the chain
 * that has one. A fixture's date never overrides the scenario's, so fixture steps run at the
 * scenario's date when it has one (fixtures date their postings explicitly).
 */
export function effectiveWorkDate(files: readonly ScenarioFile[]): string | undefined {
  for (let i = files.length - 1; i >= 0; i--) {
    const d = files[i]!.workDate;
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Loads a scenario and its fixture chain (paths relative to the including file); refuses cycles. */
export async function loadScenario(path: string, loader: ScenarioLoader): Promise<LoadedScenario> {
  const files: ScenarioFile[] = [];
  const seen: string[] = [];
  let current: string | undefined = path;
  let from: string | undefined;
  while (current !== undefined) {
    if (seen.includes(current))
      throw new ScenarioFormatError(`Fixture cycle: ${[...seen, current].join(" → ")}.`);
    seen.push(current);
    const file = parseScenarioFile(await loadJson(loader, current, from), current, files.length > 0);
    files.unshift(file);
    from = current;
    current = file.fixture !== undefined ? resolvePath(current, file.fixture) : undefined;
  }
  const main = files[files.length - 1]!;
  const workDate = effectiveWorkDate(files);
  return { path, title: main.title, ...(workDate !== undefined ? { workDate } : {}), files };
}

/** Same as loadScenario for an object already in memory (its fixtures still come through the loader). */
export async function loadScenarioObject(
  raw: unknown,
  path: string,
  loader: ScenarioLoader,
): Promise<LoadedScenario> {
  return loadScenario(path, (p) => (p === path ? Promise.resolve(raw) : loader(p)));
}
