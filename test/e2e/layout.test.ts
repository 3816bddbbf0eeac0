import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./chromium.js";
import { buildAndServe, type ServedAddin } from "./serve-addin.js";

/**
 * Issue 7, item 8: the pane works from Office's narrowest task pane (270 px on Mac, 320 on Windows,
 * 350 on the web) without sideways scrolling, and an instruction above a table does not push the
 * table's amounts off a 1400 px screen.
 */
describe("layout in Chromium", () => {
  let served: ServedAddin;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    served = await buildAndServe();
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(served.url);
    await page.getByRole("button", { name: "New demo company" }).click();
    await page.getByText("Demo company created and saved in this workbook.").waitFor({ timeout: 60_000 });
    await page.getByLabel("Document type").selectOption("Order");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Order SO1001 created.").waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("shows the Line Amount column of a document at 1400 px, though the instruction text above is long", async () => {
    const grid = await page.locator("lp-workbook .scroller").boundingBox();
    const header = await page
      .locator("lp-workbook td.tablehead", { hasText: "Line Amount" })
      .first()
      .boundingBox();
    expect(grid && header).toBeTruthy();
    expect(header!.x + header!.width).toBeLessThanOrEqual(grid!.x + grid!.width);
  });

  it("clicking an error gives its cell the keyboard, and the active sheet's tab is in view with many sheets", async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByRole("tab", { name: "Sales" }).click();
    for (let i = 0; i < 6; i++) {
      await page.getByRole("button", { name: "Create" }).click();
      await page.getByText(`Order SO${1002 + i} created.`).waitFor();
    }
    const tabs = await page.locator("lp-workbook .tabs").boundingBox();
    const active = await page.locator('lp-workbook .tabs button[aria-selected="true"]').boundingBox();
    expect(await page.locator('lp-workbook .tabs button[aria-selected="true"]').textContent()).toContain(
      "SO1007",
    );
    expect(active!.x + active!.width).toBeLessThanOrEqual(tabs!.x + tabs!.width + 1);
    expect(active!.x).toBeGreaterThanOrEqual(tabs!.x - 1);

    await page.locator('lp-workbook td[data-cell="C16"]').click();
    await page.keyboard.type("1O02");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Validate" }).click();
    const error = page.locator("lp-error-list button").first();
    await error.waitFor({ timeout: 30_000 });
    await error.click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement?.tagName.toLowerCase() === "lp-standalone" &&
            document.querySelector("lp-standalone")?.shadowRoot?.activeElement?.tagName.toLowerCase(),
        ),
      )
      .toBe("lp-workbook");
  });

  for (const width of [270, 320, 350]) {
    it(`has no sideways scrolling at ${width} px, on every tab`, async () => {
      await page.setViewportSize({ width, height: 900 });
      for (const tab of ["Sales", "Posted", "Data", "Company"]) {
        await page.getByRole("tab", { name: tab }).click();
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(() => {
          const app = document.querySelector("lp-standalone")?.shadowRoot?.querySelector("lp-app");
          return {
            page: document.documentElement.scrollWidth - window.innerWidth,
            pane: app ? app.scrollWidth - app.clientWidth : -1,
          };
        });
        expect(overflow.page, `${tab} at ${width} px: the page scrolls sideways`).toBeLessThanOrEqual(0);
        expect(overflow.pane, `${tab} at ${width} px: the pane scrolls sideways`).toBeLessThanOrEqual(0);
      }
    });
  }
});
