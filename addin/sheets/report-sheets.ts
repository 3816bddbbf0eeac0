import Decimal from "decimal.js";
import type { EngineApi } from "../engine-host/protocol.js";
import type { Progress, WorkbookGateway } from "../gateway/gateway.js";
import { readRows, unwrap, type Row } from "../session/engine-calls.js";
import { CHART_OF_ACCOUNTS, TRIAL_BALANCE } from "./layouts.js";
import { writeListSheet } from "./list-sheet.js";

/** The caption of the last row of a report sheet; its amounts are the column sums. */
export const TOTAL_LABEL = "Total";

interface TrialBalanceResult {
  from: string;
  to: string;
  rows: Row[];
  totals: Record<string, string>;
}

/** BC's default Trial Balance range: the first day of the work date's year to the work date. */
export function defaultRange(workDate: string): { from: string; to: string } {
  return { from: `${workDate.slice(0, 4)}-01-01`, to: workDate };
}

// Decimal strings summed exactly; a JS float would lose cents on a large chart.
function sumOf(rows: Row[], field: string): string {
  return rows.reduce((s, r) => s.plus(new Decimal(String(r[field] ?? "0"))), new Decimal(0)).toFixed(2);
}

export async function writeChartOfAccounts(
  gw: WorkbookGateway,
  engine: EngineApi,
  progress?: Progress,
): Promise<void> {
  const rows = await readRows(engine, CHART_OF_ACCOUNTS.engineTable);
  const total: Row = {
    name: TOTAL_LABEL,
    netChange: sumOf(rows, "netChange"),
    balance: sumOf(rows, "balance"),
  };
  await writeListSheet(
    gw,
    CHART_OF_ACCOUNTS,
    [...rows, total].map((values) => ({ values, errors: [] })),
    progress,
  );
}

export async function writeTrialBalance(
  gw: WorkbookGateway,
  engine: EngineApi,
  range: { from: string; to: string },
  progress?: Progress,
): Promise<TrialBalanceResult> {
  const batch = await engine.dispatch([{ do: "trialBalance", with: range }]);
  const tb = unwrap<TrialBalanceResult>(batch.responses[0]);
  const total: Row = { name: `${TOTAL_LABEL} ${tb.from} to ${tb.to}`, ...tb.totals };
  await writeListSheet(
    gw,
    TRIAL_BALANCE,
    [...tb.rows, total].map((values) => ({ values, errors: [] })),
    progress,
  );
  return tb;
}
