import type { EngineApi } from "../engine-host/protocol.js";
import { readRows, unwrap } from "./engine-calls.js";
import type { Message, Verification } from "./session-state.js";

/** The engine's `verifyBooks`: each G/L register's hash chain and the ledger invariants, recomputed. */
export async function verifyBooks(engine: EngineApi): Promise<Verification> {
  const batch = await engine.dispatch([{ do: "verifyBooks", with: {} }], "Verifying the books");
  const r = unwrap<Omit<Verification, "checkedAt">>(batch.responses[0]);
  return {
    ok: r.ok,
    registers: r.registers,
    entries: r.entries,
    problems: r.problems ?? [],
    checkedAt: new Date().toISOString(),
  };
}

export function verificationMessage(v: Verification): Message {
  if (v.ok)
    return {
      kind: "success",
      text: `The books are intact: ${v.registers} G/L register(s) and ${v.entries} entries match their hash chain and every check.`,
    };
  const first = v.problems.find((p) => p.registerNo !== undefined);
  return {
    kind: "error",
    text:
      `The books do not match: ${v.problems.length} problem(s)` +
      (first ? `, first in G/L register ${first.registerNo}` : "") +
      ". They were changed outside Ledgerpane or are damaged; do not post until this is explained.",
  };
}

export interface BooksSummary {
  documents: number;
  posted: number;
  entries: number;
  customers: number;
}

/** What a new start would erase: counts the user can check before saying yes. */
export async function summarizeBooks(engine: EngineApi): Promise<BooksSummary> {
  // No count command: the rows are read. Fine for the standalone demo this serves.
  const count = async (table: string) => (await readRows(engine, table)).length;
  let entries = 0;
  for (const t of ["glEntry", "custLedgerEntry", "itemLedgerEntry", "valueEntry", "vatEntry"])
    entries += await count(t);
  const documents = (await readRows(engine, "salesHeader")).filter(
    (h) => h.documentType === "Order" || h.documentType === "Invoice",
  ).length;
  return {
    documents,
    posted: (await count("salesInvoiceHeader")) + (await count("salesShipmentHeader")),
    entries,
    customers: await count("customer"),
  };
}
