import { describe, expect, it } from "vitest";
import { WARNING_FILL } from "../../addin/gateway/gateway.js";
import { cellAt, lineCell, newSession } from "./session-helpers.js";

/** Issue 7, item 3: the stock-out warning at the Quantity cell, amber, distinct from errors and never blocking. */
describe("warnings at their cell", () => {
  it("ordering more than is in stock marks the Quantity cell amber and still validates", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Order", "C10000");
    const doc = session.state.current!;
    const sheet = "Order SO1001";
    workbook.userSetCell(sheet, lineCell(0, "No."), "1000");
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 500);
    await session.validateDocument(doc);

    expect(session.state.message?.kind).toBe("warning");
    expect(session.state.message?.text).toMatch(/^Validated: no errors/);
    expect(session.state.errors).toHaveLength(1);
    expect(session.state.errors[0]).toMatchObject({
      severity: "warning",
      column: "Quantity",
      cell: lineCell(0, "Quantity"),
      message: "The available inventory for item 1000 is lower than the entered quantity at this location.",
    });
    expect(String(cellAt(workbook, sheet, lineCell(0, "Status")))).toMatch(
      /^⚠ Quantity: The available inventory/,
    );
    expect(workbook.style(workbook.requireSheet(sheet), lineCell(0, "Quantity"))?.fill).toBe(WARNING_FILL);
  });
});
