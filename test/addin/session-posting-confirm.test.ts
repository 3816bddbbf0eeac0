import { describe, expect, it } from "vitest";
import { readRows } from "../../addin/session/engine-calls.js";
import { Session } from "../../addin/session/session.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { answering, cellAt, lineCell, newSession, orderOf10 } from "./session-helpers.js";

/** Issue 6, item 11: posting asks what it will post, as Business Central does, unless switched off. */
describe("posting asks for confirmation", () => {
  it("asks on each of three quick Ship clicks with the quantity that click would ship", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    const asked = answering(session, (q) => q.lines.some((l) => /\b1 of 10\b/.test(l)));
    workbook.userSetCell(sheet, lineCell(0, "Qty. to Ship"), 1);

    await session.postDocument(doc, "ship");
    await session.postDocument(doc, "ship");
    await session.postDocument(doc, "ship");

    expect(asked).toHaveLength(3);
    expect(asked[0]!.title).toBe("Do you want to ship Order SO1001?");
    expect(asked[0]!.lines.join("\n")).toMatch(/Ship 1 of 10 .*1000/);
    expect(asked[1]!.lines.join("\n")).toMatch(/Ship 9 of 9 .*1000/);
    expect(asked[2]!.lines.join("\n")).toMatch(/Ship 9 of 9 .*1000/);
    const shipped = await readRows(engine, "salesShipmentLine");
    expect(shipped.map((l) => String(l.quantity))).toEqual(["1"]);
    expect(session.state.message?.text).toMatch(/Not posted/);
    expect(String(cellAt(workbook, sheet, lineCell(0, "Qty. Shipped")))).toBe("1");
  });

  it("states the amount an invoice will post, and posts nothing when the answer is no", async () => {
    const { session, engine, doc } = await orderOf10();
    const asked = answering(session, () => false);
    await session.postDocument(doc, "shipAndInvoice");
    expect(asked).toHaveLength(1);
    expect(asked[0]!.title).toBe("Do you want to ship and invoice Order SO1001?");
    expect(asked[0]!.lines.join("\n")).toMatch(/Ship 10 of 10/);
    expect(asked[0]!.lines.join("\n")).toMatch(/Invoice 10 .*1000/);
    expect(asked[0]!.lines.join("\n")).toMatch(/Amount incl\. VAT: 1,210\.00/);
    expect(await readRows(engine, "glEntry", { documentNo: "103001" })).toEqual([]);
    expect(session.state.posted).toEqual([]);
  });

  it("after a partial shipment, Invoice asks for what it will invoice: the shipped unit, not the whole line", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    const asked = answering(session, () => true);
    workbook.userSetCell(sheet, lineCell(0, "Qty. to Ship"), 1);
    await session.postDocument(doc, "ship");
    await session.postDocument(doc, "invoice");
    expect(asked).toHaveLength(2);
    const question = asked[1]!.lines.join("\n");
    expect(question).toMatch(/Invoice 1 of 10 .*1000/);
    expect(question).not.toMatch(/Invoice 10 of 10/);
    const invoiced = await readRows(engine, "salesInvoiceLine");
    expect(invoiced.filter((l) => l.no === "1000").map((l) => String(l.quantity))).toEqual(["1"]);
  });

  it("can be switched off for the workbook, and the setting stays with the workbook", async () => {
    const { workbook, session, doc } = await orderOf10();
    await session.setConfirmPosting(false);
    expect(session.state.settings.confirmPosting).toBe(false);
    const again = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone", {
      workDate: "2025-01-15",
    });
    await again.start();
    expect(again.state.settings.confirmPosting).toBe(false);
    const asked = answering(session, () => false);
    await session.postDocument(doc, "ship");
    expect(asked).toHaveLength(0);
    expect(session.state.message?.kind).toBe("success");
  });

  it("follows a change of the setting made in another pane on the same workbook", async () => {
    const { workbook, session, doc } = await orderOf10();
    const other = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone");
    await other.start();
    await other.setConfirmPosting(false);
    expect(session.state.settings.confirmPosting).toBe(true);
    const asked = answering(session, () => false);
    await session.postDocument(doc, "ship");
    expect(asked).toHaveLength(0);
    expect(session.state.message?.kind).toBe("success");
  });

  it("asks by default in a workbook that has no setting yet", async () => {
    const { session } = await newSession();
    expect(session.state.settings.confirmPosting).toBe(true);
  });
});
