import Decimal from "decimal.js";
import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "./chromium.js";
import { buildAndServe, type ServedAddin } from "./serve-addin.js";

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

// Whatever number format the grid applies, the text read back is the amount.
const amount = (text: string | undefined) => new Decimal((text ?? "0").replace(/[^\d.-]/g, "") || "0");

describe("names and the Trial Balance in Chromium", () => {
  let served: ServedAddin;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
    served = await buildAndServe();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("opens the Trial Balance from the Data tab: names beside numbers, debit total = credit total", async () => {
    await page.goto(served.url);
    await expect
      .poll(() => page.getByText("Standalone (no Excel)").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByRole("button", { name: "New demo company" }).click();
    await page.getByText("Demo company created and saved in this workbook.").waitFor({ timeout: 60_000 });

    await page.getByRole("tab", { name: "Data" }).click();
    await page.getByRole("button", { name: "Trial Balance" }).click();
    await expect.poll(async () => (await sheetRows(page)).length, { timeout: 30_000 }).toBeGreaterThan(1);
    const rows = await sheetRows(page);
    expect(rows.find((r) => r["No."] === "2110")?.["Name"]).toBe("Inventory, Resale");
    const total = rows[rows.length - 1]!;
    expect(total["Name"]).toMatch(/^Total \d{4}-01-01 to \d{4}-\d\d-\d\d$/);
    expect(amount(total["Debit Amount"]).toFixed(2)).toBe(amount(total["Credit Amount"]).toFixed(2));
    const debits = rows.slice(0, -1).reduce((s, r) => s.plus(amount(r["Debit Amount"])), new Decimal(0));
    expect(debits.toFixed(2)).toBe(amount(total["Debit Amount"]).toFixed(2));
    // The demo's opening stock is on the books: the closing balances show it and still sum to zero.
    expect(amount(rows.find((r) => r["No."] === "2110")?.["Closing Balance"]).isZero()).toBe(false);
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
