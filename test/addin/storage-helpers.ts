import { expect } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import type { EngineHost } from "../../addin/engine-host/engine-host.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { MemoryWorkbook, type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import { openStored } from "../../addin/session/open-stored.js";
import { DatabaseStore } from "../../addin/storage/database-store.js";

export const clone = (s: MemoryWorkbookState): MemoryWorkbookState => structuredClone(s);

/** The customer numbers the open company holds, sorted. */
export async function customers(engine: EngineHost): Promise<string[]> {
  const r = await engine.dispatch([{ do: "read", with: { table: "customer" } }]);
  const first = r.responses[0]!;
  if (!first.ok) throw new Error(first.error.message);
  return (first.result as { rows: { no: string }[] }).rows.map((x) => x.no).sort();
}

export async function upsertCustomer(engine: EngineHost, no: string) {
  const r = await engine.dispatch([
    { do: "upsert", with: { table: "customer", rows: [{ no, name: `Customer ${no}` }] } },
  ]);
  expect(r.responses[0]).toMatchObject({ ok: true });
}

/** Reopens the workbook as a fresh pane would, and reports which customers the company holds. */
export async function reopen(state: MemoryWorkbookState) {
  const engine = await createInProcessEngine();
  const store = new DatabaseStore(new MemoryGateway(new MemoryWorkbook(state)));
  const outcome = await openStored(store, engine);
  if (outcome.status !== "opened") return { outcome, customers: [] as string[], engine, store };
  return { outcome, customers: await customers(engine), engine, store };
}
