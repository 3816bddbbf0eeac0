import Decimal from "decimal.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { a1 } from "../../addin/gateway/cells.js";
import { LINE_COLUMNS, LINES_TOP_ROW } from "../../addin/sheets/layouts.js";
import { openStandalone, useStandalonePage } from "./page.js";

/** Where the screenshot of the Trial Balance lands (LEDGERPANE_SHOTS, default /work/names-shots). */
const shots = process.env.LEDGERPANE_SHOTS ?? "/work/names-shots";

async function sheetRows(page: Page): Promise<Record<string, string>[]> {
  const grid = await page
    .locator("lp-workbook tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll("td[data-cell]")).map((td) => (td.textContent ?? "").trim()),
      ),
    );
  const [header, ...rows] = grid.filter((r) => r.some((c) => c !== ""));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

const lineCell = (index: number, header: string) =>
  a1({ row: LINES_TOP_ROW + 1 + index, col: LINE_COLUMNS.findIndex((c) => c.header === header) });

async function typeInto(page: Page, cell: string, text: string) {
  await page.locator(`lp-workbook td[data-cell="${cell}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

// Whatever number format the grid applies, the text read back is the amount.
const amount = (text: string | undefined) => new Decimal((text ?? "0").replace(/[^\d.-]/g, "") || "0");

describe("names and the Trial Balance in Chromium", () => {
  const standalone = useStandalonePage();

  it("opens the Trial Balance from the Data tab: names beside numbers, debit total = credit total", async () => {
    const { page } = standalone;
    await openStandalone(standalone);
    await page.getByRole("button", { name: "New demo company" }).click();
    await page.getByText("Demo company created and saved in this workbook.").waitFor({ timeout: 60_000 });

    // The demo's books are dated January 2025; an order posted then makes the range move.
    await page.getByRole("tab", { name: "Company" }).click();
    await page.getByLabel("Work date").fill("2025-01-15");
    await page.getByLabel("Work date").dispatchEvent("change");
    await page.getByRole("tab", { name: "Sales" }).click();
    await page.getByLabel("Document type").selectOption("Order");
    await page.getByLabel("Customer").selectOption("C10000");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Order SO1001 created.").waitFor();
    await typeInto(page, lineCell(0, "No."), "1000");
    await typeInto(page, lineCell(0, "Quantity"), "10");
    await page.getByRole("button", { name: "Ship and Invoice", exact: true }).click();
    const question = page.getByRole("alertdialog");
    await question.waitFor({ timeout: 60_000 });
    await question.getByRole("button", { name: "Ship and invoice" }).click();
    await page
      .getByText("Posted Order SO1001: shipment 102001 and invoice 103001.")
      .waitFor({ timeout: 60_000 });
    // The pane's entries of the posting: names beside the accounts and a debit = credit total line.
    const glTotal = page.locator('table[data-ledger="glEntry"] tfoot td[data-debit]');
    await glTotal.waitFor({ timeout: 30_000 });
    expect(await glTotal.getAttribute("data-debit")).toBe("1810.00");
    expect(await glTotal.getAttribute("data-credit")).toBe("1810.00");
    expect(await page.locator('table[data-ledger="glEntry"]').textContent()).toContain("Cost of Goods Sold");
    await page.screenshot({ path: `${shots}/posted-entries.png` });

    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByRole("button", { name: "Trial Balance" }).click();
    await expect.poll(async () => (await sheetRows(page)).length, { timeout: 30_000 }).toBeGreaterThan(1);
    const rows = await sheetRows(page);
    expect(rows.find((r) => r["No."] === "2110")?.["Name"]).toBe("Inventory, Resale");
    const total = rows[rows.length - 1]!;
    expect(total["Name"]).toBe("Total 2025-01-01 to 2025-01-15");
    expect(amount(total["Debit Amount"]).toFixed(2)).toBe("4410.00");
    expect(amount(total["Debit Amount"]).toFixed(2)).toBe(amount(total["Credit Amount"]).toFixed(2));
    const debits = rows.slice(0, -1).reduce((s, r) => s.plus(amount(r["Debit Amount"])), new Decimal(0));
    expect(debits.toFixed(2)).toBe(amount(total["Debit Amount"]).toFixed(2));
    expect(amount(rows.find((r) => r["No."] === "2310")?.["Closing Balance"]).toFixed(2)).toBe("1210.00");
    expect(amount(total["Closing Balance"]).toFixed(2)).toBe("0.00");
    await page.screenshot({ path: `${shots}/trial-balance.png` });

    await page.getByRole("button", { name: "Chart of Accounts" }).click();
    await expect
      .poll(async () => (await sheetRows(page)).find((r) => r["No."] === "7190")?.["Name"], {
        timeout: 30_000,
      })
      .toBe("Cost of Goods Sold");
    await page.screenshot({ path: `${shots}/chart-of-accounts.png` });
  }, 240_000);
});
