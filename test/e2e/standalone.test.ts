import Decimal from "decimal.js";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../addin/gateway/cells.js";
import { LINE_COLUMNS, LINES_TOP_ROW } from "../../addin/sheets/layouts.js";
import { CHROMIUM, launchChromium } from "./chromium.js";
import { buildAndServe, type ServedAddin } from "./serve-addin.js";

/**
 * The built task pane in headless Chromium, standalone (office.js loaded, no Office host): the
 * whole path a user takes, from an empty browser to posted ledgers that survive a reload.
 */
/** Screenshots of the new dialogs land here, to look at (LEDGERPANE_SHOTS, default the temp folder). */
const shots = process.env.LEDGERPANE_SHOTS ?? tmpdir();

const lineCell = (index: number, header: string) =>
  a1({ row: LINES_TOP_ROW + 1 + index, col: LINE_COLUMNS.findIndex((c) => c.header === header) });

async function typeInto(page: Page, cell: string, text: string) {
  await page.locator(`lp-workbook td[data-cell="${cell}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function cellText(page: Page, cell: string): Promise<string> {
  return ((await page.locator(`lp-workbook td[data-cell="${cell}"]`).textContent()) ?? "").trim();
}

/** The rows of the sheet on screen, as text, keyed by the header row's captions. */
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

function sumsByAccount(rows: Record<string, string>[], documentNo: string): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const r of rows.filter((x) => x["Document No."] === documentNo))
    sums[r["G/L Account No."]!] = (sums[r["G/L Account No."]!] ?? new Decimal(0)).plus(
      new Decimal(r["Amount"]!),
    );
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)]));
}

describe("the standalone page in Chromium", () => {
  let served: ServedAddin;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
    served = await buildAndServe();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (e) => console.error("page error:", e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("enters an order with a bad item, sees the error at its cell, fixes it, posts, and finds it after a reload", async () => {
    await page.goto(served.url);
    await expect
      .poll(() => page.getByText("Standalone (no Excel)").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByRole("button", { name: "New demo company" }).click();
    await page.getByText("Demo company created and saved in this workbook.").waitFor({ timeout: 60_000 });

    await page.getByLabel("Document type").selectOption("Order");
    await page.getByLabel("Customer").selectOption("C10000");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Order SO1001 created.").waitFor();
    await expect.poll(() => page.getByLabel("Selected cell").textContent()).toMatch(/^Order SO1001!/);

    await typeInto(page, lineCell(0, "No."), "1000");
    await typeInto(page, lineCell(0, "Quantity"), "10");
    await typeInto(page, lineCell(1, "No."), "1O02");
    await typeInto(page, lineCell(1, "Quantity"), "5");

    await page.getByRole("button", { name: "Validate" }).click();
    const error = page.locator(`lp-error-list button[data-cell="Order SO1001!${lineCell(1, "No.")}"]`);
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain("1O02");
    await expect.poll(() => page.locator("lp-error-list li").count()).toBe(1);
    expect(await cellText(page, lineCell(1, "Status"))).toMatch(/^✖ No\./);
    expect(await cellText(page, lineCell(0, "Line Amount"))).toBe("1000.00");
    await page.getByText("1 error(s) to fix; nothing was posted.").waitFor();

    await error.click();
    await expect
      .poll(() => page.getByLabel("Selected cell").textContent())
      .toBe(`Order SO1001!${lineCell(1, "No.")}`);

    await typeInto(page, lineCell(1, "No."), "1002");
    await page.getByRole("button", { name: "Ship and Invoice", exact: true }).click();
    // Business Central's question, with what this click will post.
    const question = page.getByRole("alertdialog");
    await question.waitFor({ timeout: 60_000 });
    expect(await question.textContent()).toContain("Do you want to ship and invoice Order SO1001?");
    expect(await question.textContent()).toContain("Ship 10 of 10 PCS of item 1000");
    expect(await question.textContent()).toContain("Amount incl. VAT: 1,295.53");
    await question.getByRole("button", { name: "Ship and invoice" }).click();
    await page
      .getByText("Posted Order SO1001: shipment 102001 and invoice 103001.")
      .waitFor({ timeout: 60_000 });
    expect(await page.locator("lp-error-list li").count()).toBe(0);

    const expected = {
      "6110": "-1077.75",
      "5610": "-210.00",
      "5611": "-7.78",
      "2310": "1295.53",
      "7190": "640.00",
      "2110": "-640.00",
    };
    await page.getByRole("tab", { name: "General Ledger Entries" }).click();
    expect(sumsByAccount(await sheetRows(page), "103001")).toEqual(expected);
    for (const r of (await sheetRows(page)).filter((x) => x["Document No."] === "103001"))
      expect(r["Amount"]).toMatch(/^-?\d+\.\d\d$/);

    await page.reload();
    await page.getByRole("tab", { name: "Posted" }).click({ timeout: 30_000 });
    await page.locator('tr[data-posted="103001"]').click();
    await page.locator('table[data-ledger="glEntry"]').waitFor();
    expect(await page.locator('table[data-ledger="glEntry"] tbody tr').count()).toBeGreaterThanOrEqual(6);
    await page.getByRole("tab", { name: "General Ledger Entries" }).click();
    expect(sumsByAccount(await sheetRows(page), "103001")).toEqual(expected);
    await page.getByRole("tab", { name: "Order SO1001" }).click();
    expect(await cellText(page, lineCell(1, "Status"))).toMatch(/^Posted/);
  }, 240_000);

  it("asks on every Ship click with the quantity that click would ship, so a repeat click ships nothing unasked", async () => {
    await page.getByRole("tab", { name: "Sales" }).click();
    await page.getByLabel("Customer").selectOption("C20000");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Order SO1002 created.").waitFor({ timeout: 30_000 });
    await typeInto(page, lineCell(0, "No."), "1001");
    await typeInto(page, lineCell(0, "Quantity"), "10");
    await typeInto(page, lineCell(0, "Qty. to Ship"), "1");

    const question = page.getByRole("alertdialog");
    await page.getByRole("button", { name: "Ship", exact: true }).click();
    await question.waitFor({ timeout: 30_000 });
    expect(await question.textContent()).toContain("Ship 1 of 10 PCS of item 1001");
    await question.getByRole("button", { name: "Ship" }).click();
    await page.getByText("Posted Order SO1002: shipment 102002.").waitFor({ timeout: 30_000 });
    expect(await cellText(page, lineCell(0, "Qty. Shipped"))).toBe("1");

    // Qty. to Ship is back to the remainder: the next click says so, and Cancel ships nothing.
    await page.getByRole("button", { name: "Ship", exact: true }).click();
    await question.waitFor({ timeout: 30_000 });
    expect(await question.textContent()).toContain("Ship 9 of 9 PCS of item 1001");
    await page.screenshot({ path: `${shots}/ship-question.png` });
    await question.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Not posted: Order SO1002 was left as it is.").waitFor();
    expect(await cellText(page, lineCell(0, "Qty. Shipped"))).toBe("1");
  }, 60_000);

  it("starts over only after saying what it erases, and undoes it once", async () => {
    await page.getByRole("tab", { name: "Company" }).click();
    await page.getByRole("button", { name: "Start over with an empty workbook" }).click();
    const question = page.getByRole("alertdialog");
    await question.waitFor();
    expect(await question.textContent()).toMatch(/3 posted document\(s\)/);
    await page.screenshot({ path: `${shots}/start-over-question.png` });
    await question.getByRole("button", { name: "Erase and start over" }).click();
    await page.getByRole("button", { name: "Undo start over" }).click({ timeout: 30_000 });
    await page.getByRole("tab", { name: "Posted" }).click({ timeout: 30_000 });
    await page.locator('tr[data-posted="103001"]').waitFor();
    await page.getByRole("tab", { name: "Company" }).click();
    await page.screenshot({ path: `${shots}/company-tab.png`, fullPage: true });
  }, 60_000);
});
