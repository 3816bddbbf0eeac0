import type { EngineApi } from "../engine-host/protocol.js";
import type { Progress, WorkbookGateway } from "../gateway/gateway.js";
import { LEDGERS } from "../sheets/layouts.js";
import { writeListSheet } from "../sheets/list-sheet.js";
import { defaultRange, writeChartOfAccounts, writeTrialBalance } from "../sheets/report-sheets.js";
import { readRows } from "./engine-calls.js";

/**
 * Rewrites the ledger sheets from the books. Ledgers are append-only, but some of their columns
 * (remaining amount, open) change when later entries apply to them, so the sheets are rewritten whole.
 */
export async function refreshLedgerSheets(
  gw: WorkbookGateway,
  engine: EngineApi,
  progress?: (label: string, done: number, total: number) => void,
  workDate?: string,
): Promise<void> {
  for (const layout of LEDGERS) {
    const rows = await readRows(engine, layout.engineTable);
    const report: Progress = (done, total) => progress?.(`Writing ${layout.sheet}`, done, total);
    await writeListSheet(
      gw,
      layout,
      rows.map((values) => ({ values, errors: [] })),
      report,
    );
  }
  await writeChartOfAccounts(gw, engine, (done, total) =>
    progress?.("Writing Chart of Accounts", done, total),
  );
  if (workDate)
    await writeTrialBalance(gw, engine, defaultRange(workDate), (done, total) =>
      progress?.("Writing Trial Balance", done, total),
    );
}
