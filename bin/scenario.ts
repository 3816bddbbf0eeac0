/**
 * npm run scenario -- <file or folder>... [--quiet] [--json] [--no-parity] [--fixtures]
 *
 * Runs scenario files (folders recursively: every *.json not under a `fixtures/` folder), prints each
 * step with ✓/✗, the entries every posting made (trainer output), failures with expected-vs-actual
 * rows, and as the last line `N passed, M failed` counting files. Exits 1 if any file failed.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import {
  formatFile,
  formatSummary,
  runScenarioFile,
  type FileResult,
  type ScenarioLoader,
} from "../engine/scenario/index.js";

interface Args {
  paths: string[];
  quiet: boolean;
  json: boolean;
  parity: boolean;
  fixtureSteps: boolean;
  invariants: "step" | "file" | "off";
}

const USAGE = `usage: npm run scenario -- <file or folder>... [options]
  --quiet          no trainer output (entries of each posting)
  --json           one JSON object with every file's structured result
  --no-parity      do not compare previewPosting with postSalesDocument
  --fixtures       list fixture steps one by one
  --invariants=M   step (default) | file | off`;

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    paths: [],
    quiet: false,
    json: false,
    parity: true,
    fixtureSteps: false,
    invariants: "step",
  };
  for (const a of argv) {
    if (a === "--quiet" || a === "-q") args.quiet = true;
    else if (a === "--json") args.json = true;
    else if (a === "--no-parity") args.parity = false;
    else if (a === "--fixtures") args.fixtureSteps = true;
    else if (a.startsWith("--invariants=")) {
      const m = a.slice("--invariants=".length);
      if (m !== "step" && m !== "file" && m !== "off")
        throw new Error(`--invariants takes step, file or off`);
      args.invariants = m;
    } else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith("-")) throw new Error(`unknown option ${a}\n${USAGE}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new Error(USAGE);
  return args;
}

/** Every scenario file under `dir`, skipping fixture folders. */
async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "fixtures" && entry.name !== "node_modules" && !entry.name.startsWith("."))
        out.push(...(await walk(p)));
    } else if (entry.isFile() && entry.name.endsWith(".json")) out.push(p);
  }
  return out;
}

export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) throw new Error(`${p}: no such file or folder`);
    if (s.isDirectory()) files.push(...(await walk(p)));
    else files.push(p);
  }
  // Relative to the working directory, so every path the runner prints is short.
  return [
    ...new Set(
      files.map((f) => {
        const rel = relative(process.cwd(), resolve(f));
        return rel === "" || rel.startsWith("..") ? resolve(f) : rel;
      }),
    ),
  ];
}

export const nodeLoader: ScenarioLoader = (path) => readFile(path, "utf8");

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  let files: string[];
  try {
    files = await collectFiles(args.paths);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const results: FileResult[] = [];
  for (const file of files) {
    const result = await runScenarioFile(file, {
      loader: nodeLoader,
      previewParity: args.parity,
      invariants: args.invariants,
      trainer: !args.quiet,
    });
    results.push(result);
    if (!args.json) {
      console.log(formatFile(result, { trainer: !args.quiet, fixtureSteps: args.fixtureSteps }).join("\n"));
      console.log("");
    }
  }
  const passed = results.filter((r) => r.status === "passed").length;
  if (args.json) {
    console.log(JSON.stringify({ passed, failed: results.length - passed, files: results }, null, 2));
  } else {
    console.log(formatSummary(results).join("\n"));
  }
  return passed === results.length ? 0 : 1;
}

process.exitCode = await main();
