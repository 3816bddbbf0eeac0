import demo from "../demo/demo-company.json";
import type { CommandRequest } from "./protocol.js";

/**
 * The demo company is our copy of the shared standard fixture: chart of accounts, posting set-up,
 * number series, three customers and three items with opening stock. A new empty company gets the
 * same set-up without the customers, items and stock, which is the minimum the engine needs to post.
 */
interface Step {
  do: string;
  with?: Record<string, unknown>;
}

const steps = (demo as { steps: Step[] }).steps;

function isSampleData(step: Step): boolean {
  if (step.do === "postItemJournal") return true;
  const table = step.with?.table;
  return step.do === "upsert" && (table === "customer" || table === "item");
}

export function setupCommands(): CommandRequest[] {
  return steps.filter((s) => !isSampleData(s)).map((s) => ({ do: s.do, with: s.with }));
}

export function demoDataCommands(): CommandRequest[] {
  return steps.filter(isSampleData).map((s) => ({ do: s.do, with: s.with }));
}

export const DEMO_WORK_DATE = (demo as { workDate?: string }).workDate ?? "2025-01-15";
