import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import type { CellValue } from "../../addin/gateway/cells.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { MemoryWorkbook, type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import { Session } from "../../addin/session/session.js";
import type { Question } from "../../addin/session/session-state.js";
import { HEADER_FIELDS, HEADER_FIRST_ROW, LINE_COLUMNS, LINES_TOP_ROW } from "../../addin/sheets/layouts.js";

export const col = (header: string) => LINE_COLUMNS.findIndex((c) => c.header === header);
export const lineCell = (index: number, header: string) => ({
  row: LINES_TOP_ROW + 1 + index,
  col: col(header),
});
export const headerCell = (label: string) => ({
  row: HEADER_FIRST_ROW + HEADER_FIELDS.findIndex((f) => f.label === label),
  col: 1,
});

export async function newSession(state?: MemoryWorkbookState) {
  const workbook = new MemoryWorkbook(state);
  const gw = new MemoryGateway(workbook);
  const engine = await createInProcessEngine();
  const session = new Session(gw, engine, "standalone", { workDate: "2025-01-15" });
  await session.start();
  return { workbook, gw, engine, session };
}

/** Answers every question the session asks with `reply`, and keeps the questions asked. */
export function answering(session: Session, reply: (q: Question) => boolean): Question[] {
  const asked: Question[] = [];
  session.addEventListener("change", () => {
    const q = session.state.question;
    if (q && !asked.includes(q)) {
      asked.push(q);
      queueMicrotask(() => session.answer(reply(q)));
    }
  });
  return asked;
}

export function cellAt(
  workbook: MemoryWorkbook,
  sheet: string,
  cell: { row: number; col: number },
): CellValue {
  return workbook.get(workbook.requireSheet(sheet), cell.row, cell.col);
}

/** A demo company with one validated order line of item 1000, quantity 10. */
export async function orderOf10() {
  const s = await newSession();
  await s.session.newCompany(true);
  await s.session.newDocument("Order", "C10000");
  const doc = s.session.state.current!;
  const sheet = "Order SO1001";
  s.workbook.userSetCell(sheet, lineCell(0, "No."), "1000");
  s.workbook.userSetCell(sheet, lineCell(0, "Quantity"), 10);
  await s.session.validateDocument(doc);
  return { ...s, doc, sheet };
}
