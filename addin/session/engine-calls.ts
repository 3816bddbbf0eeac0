import type { CommandResponse, EngineApi, EngineErrorJson } from "../engine-host/protocol.js";

export type Row = Record<string, unknown>;

/** An engine refusal carried as an exception where the caller cannot go on without the answer. */
export class EngineCommandError extends Error {
  constructor(readonly error: EngineErrorJson) {
    super(error.message);
    this.name = "EngineCommandError";
  }
}

export function unwrap<T>(r: CommandResponse | undefined): T {
  if (!r) throw new Error("The engine gave no answer.");
  if (!r.ok) throw new EngineCommandError(r.error);
  return r.result as T;
}

export async function readRows(engine: EngineApi, table: string, where?: Row): Promise<Row[]> {
  const batch = await engine.dispatch([{ do: "read", with: { table, ...(where ? { where } : {}) } }]);
  return unwrap<{ rows: Row[] }>(batch.responses[0]).rows;
}

export function warningsOf(r: CommandResponse | undefined): string[] {
  if (!r || !r.ok || !r.result || typeof r.result !== "object") return [];
  const w = (r.result as { warnings?: unknown }).warnings;
  return Array.isArray(w) ? w.map(String) : [];
}

/** The engine's warnings that name their line and field (`warningDetails`), by line number. */
export function lineWarningsOf(
  r: CommandResponse | undefined,
  into: Map<number, { field: string | null; message: string }[]>,
): void {
  if (!r?.ok || !r.result || typeof r.result !== "object") return;
  const details = (r.result as { warningDetails?: unknown }).warningDetails;
  if (!Array.isArray(details)) return;
  for (const d of details as { lineNo?: unknown; field?: unknown; message?: unknown }[]) {
    if (typeof d.lineNo !== "number" || typeof d.message !== "string") continue;
    const list = into.get(d.lineNo) ?? [];
    list.push({ field: typeof d.field === "string" ? d.field : null, message: d.message });
    into.set(d.lineNo, list);
  }
}
