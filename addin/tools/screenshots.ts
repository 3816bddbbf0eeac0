/**
 * Takes the README's walkthrough pictures from the real standalone page in headless Chromium and
 * saves them under docs/images/. Run with `npx tsx addin/tools/screenshots.ts` after UI changes.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { a1 } from "../gateway/cells.js";
import { LINE_COLUMNS, LINES_TOP_ROW } from "../sheets/layouts.js";
import { launchChromium } from "../../test/e2e/chromium.js";
import { buildAndServe } from "../../test/e2e/serve-addin.js";
import { projectRoot } from "./tool-paths.js";

const out = join(projectRoot, "docs", "images");
mkdirSync(out, { recursive: true });

const cell = (index: number, header: string) =>
  a1({ row: LINES_TOP_ROW + 1 + index, col: LINE_COLUMNS.findIndex((c) => c.header === header) });

async function type(page: Page, at: string, text: string) {
  await page.locator(`lp-workbook td[data-cell="${at}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(out, name) });
  console.log(`docs/images/${name}`);
}

const served = await buildAndServe();
const browser = await launchChromium();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.setViewportSize({ width: 1360, height: 720 });
  await page.goto(served.url);
  await page.getByRole("button", { name: "New demo company" }).waitFor();
  await shot(page, "01-start.png");

  await page.getByRole("button", { name: "New demo company" }).click();
  await page.getByText("Demo company created").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Items" }).click();
  await shot(page, "02-demo-company.png");

  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Order SO1001 created.").waitFor();
  await type(page, cell(0, "No."), "1000");
  await type(page, cell(0, "Quantity"), "10");
  await type(page, cell(1, "No."), "1O02");
  await type(page, cell(1, "Quantity"), "5");
  await shot(page, "03-order-lines.png");

  await page.getByRole("button", { name: "Validate" }).click();
  await page.locator("lp-error-list li").first().waitFor();
  await page.locator("lp-error-list button").first().click();
  await shot(page, "04-error-at-its-cell.png");

  await type(page, cell(1, "No."), "1002");
  await page.getByRole("button", { name: "Preview Ship and Invoice" }).click();
  await page.getByText("Preview only").waitFor({ timeout: 60_000 });
  await shot(page, "05-preview.png");

  await page.getByRole("button", { name: "Ship and Invoice", exact: true }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Ship and invoice" })
    .click({ timeout: 60_000 });
  await page.getByText("Posted Order SO1001").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "General Ledger Entries" }).click();
  await shot(page, "06-posted-gl-sheet.png");

  await page.reload();
  await page.getByRole("tab", { name: "Posted" }).click({ timeout: 30_000 });
  await page.locator("tr[data-posted]").first().click();
  await page.locator('table[data-ledger="glEntry"]').waitFor();
  await page.getByRole("tab", { name: "Customer Ledger Entries" }).click();
  await shot(page, "07-after-reload.png");
} finally {
  await browser.close();
  await served.close();
}
