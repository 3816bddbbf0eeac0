import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { Engine, type CommandResponse } from "../../../engine/api/index.js";

export const FIXTURE_PATH = "/work/shared/scenarios/fixtures/standard.json";

interface Step {
  do?: string;
  with?: unknown;
}

/** The fixture's `upsert` steps, in order (its `postItemJournal` steps belong to another command). */
export function fixtureUpserts(): Step[] {
  const fixture = JSON.parse(readFileSync(FIXTURE_PATH, "utf8")) as { steps: Step[] };
  return fixture.steps.filter((s) => s.do === "upsert");
}

export async function newEngine(): Promise<Engine> {
  return Engine.create({ workDate: "2025-01-15" });
}

/** An engine holding the fixture's set-up and master data. */
export async function fixtureEngine(): Promise<Engine> {
  const engine = await newEngine();
  for (const step of fixtureUpserts()) expectOk(engine.dispatch({ do: "upsert", with: step.with }));
  return engine;
}

export function expectOk(res: CommandResponse): unknown {
  if (!res.ok) throw new Error(`expected success, got: ${res.error.message}`);
  return res.result;
}

export function upsert(engine: Engine, table: string, rows: unknown[]): CommandResponse {
  return engine.dispatch({ do: "upsert", with: { table, rows } });
}

/** Runs `fn`, asserting that the database bytes are the same afterwards. */
export function expectUnchanged<T>(engine: Engine, fn: () => T): T {
  const before = engine.export();
  const result = fn();
  const after = engine.export();
  expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
  return result;
}
