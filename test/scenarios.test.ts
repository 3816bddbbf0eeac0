import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { formatFailures, runScenarioFile } from "../engine/scenario/index.js";

/**
 * Every scenario file under test/scenarios/ (fixtures/ excepted) is one test, run by the same runner
 * as `npm run scenario`, with invariants after every step and preview parity on.
 */
const root = fileURLToPath(new URL("./scenarios/", import.meta.url));

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name === "fixtures" ? [] : scenarioFiles(p);
      return e.name.endsWith(".json") ? [p] : [];
    });
}

describe("scenarios", () => {
  for (const file of scenarioFiles(root)) {
    it(relative(root, file), async () => {
      const result = await runScenarioFile(relative(process.cwd(), file), {
        loader: (path) => readFile(path, "utf8"),
        invariants: "step",
        previewParity: true,
        trainer: false,
      });
      if (result.status !== "passed") throw new Error(`\n${formatFailures(result)}`);
    });
  }
});
