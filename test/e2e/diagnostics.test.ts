import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openStandalone, useStandalonePage } from "./page.js";

/** The screenshot of the report lands here, to look at (LEDGERPANE_SHOTS, default the temp folder). */
const shots = process.env.LEDGERPANE_SHOTS ?? tmpdir();

/** Sheet names and part namespaces of the standalone workbook, as the page saved it in IndexedDB. */
async function savedWorkbook(page: Page): Promise<{ sheets: string[]; parts: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ sheets: string[]; parts: string[] }>((resolve, reject) => {
        const open = indexedDB.open("ledgerpane-standalone", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("workbooks").objectStore("workbooks").get("current");
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const state = get.result as { sheets: { name: string }[]; parts: { id: string; xml: string }[] };
            open.result.close();
            resolve({
              sheets: state.sheets.map((s) => s.name),
              parts: state.parts.map((p) => `${p.id} ${/xmlns="([^"]*)"/.exec(p.xml)?.[1] ?? ""}`),
            });
          };
        };
      }),
  );
}

describe("Diagnostics in the standalone page in Chromium", () => {
  const standalone = useStandalonePage();

  it("runs every check, shows a copyable report, and leaves no scratch sheet or part behind", async () => {
    const { page } = standalone;
    await openStandalone(standalone);
    // The compatibility script found everything it needs in this Chromium and stayed silent.
    expect(
      await page.evaluate(() => typeof (window as { ledgerpaneCompat?: unknown }).ledgerpaneCompat),
    ).toBe("object");
    expect(await page.locator("#compat").count()).toBe(0);
    await page.getByRole("button", { name: "New demo company" }).click();
    await page.getByText("Demo company created and saved in this workbook.").waitFor({ timeout: 60_000 });
    const before = await savedWorkbook(page);
    expect(before.parts.length).toBeGreaterThan(0);

    await page.getByRole("tab", { name: "Company" }).click();
    await page.getByRole("button", { name: "Run diagnostics" }).click();
    const verdict = page.locator("lp-diagnostics [data-diagnostics]");
    await verdict.waitFor({ timeout: 120_000 });
    const rows = page.locator("lp-diagnostics tr[data-check]");
    const failed = await page.locator('lp-diagnostics tr[data-check="fail"]').allTextContents();
    expect(failed).toEqual([]);
    expect(await verdict.getAttribute("data-diagnostics")).toBe("ok");
    expect(await verdict.textContent()).toContain("All 10 checks passed.");
    expect(await rows.count()).toBe(10);
    expect(await rows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Custom XML parts \(5\.0 MB in chunks\)[\s\S]*7 parts/)]),
    );

    // The checks fit the pane: long details wrap instead of pushing the timings out of sight.
    const fit = await page.locator("lp-diagnostics").evaluate((el) => ({
      table: el.shadowRoot!.querySelector("table")!.scrollWidth,
      pane: el.clientWidth,
    }));
    expect(fit.table).toBeLessThanOrEqual(fit.pane);

    const report = await page.getByLabel("Diagnostics report").inputValue();
    expect(report).toMatch(/^Ledgerpane diagnostics: all checks passed\nHost: standalone\n/);
    expect(report).toContain("Office version: standalone");
    expect(report).toContain("PASS  Engine (worker and wasm)");
    expect(report).toContain("Browser: Mozilla/5.0");

    await page
      .context()
      .grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(standalone.url).origin });
    await page.getByRole("button", { name: "Copy report" }).click();
    await page.locator("lp-diagnostics").getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);

    // Nothing left behind: no scratch sheet tab, and the saved workbook holds what it held before.
    expect(await page.locator('lp-workbook [role="tab"]').allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining("lp-diagnostics")]),
    );
    await expect.poll(() => savedWorkbook(page)).toEqual(before);

    mkdirSync(shots, { recursive: true });
    await page.locator("lp-diagnostics").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/diagnostics.png` });
  });

  it("says what to update where the bundle's needs are missing (a Safari 16.3 without CompressionStream)", async () => {
    const safari = await standalone.page.context().newPage();
    await safari.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.CompressionStream;
      delete w.DecompressionStream;
      Object.defineProperty(navigator, "userAgent", {
        get: () =>
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.3 Safari/605.1.15",
      });
    });
    await safari.goto(standalone.url);
    const note = safari.locator("#compat");
    await note.waitFor({ timeout: 30_000 });
    expect(await note.getAttribute("role")).toBe("alert");
    expect(await note.textContent()).toBe(
      "Ledgerpane cannot run here: this browser lacks CompressionStream (gzip). This macOS has Safari 16.3; " +
        "Ledgerpane needs Safari 16.4 or later. Update macOS (System Settings › General › Software Update), " +
        "then reopen Excel.",
    );
    // The bundle may still start and redraw the pane: the message stays above it.
    await safari.waitForTimeout(1000);
    expect(await note.isVisible()).toBe(true);
    mkdirSync(shots, { recursive: true });
    await safari.setViewportSize({ width: 350, height: 500 });
    await safari.screenshot({ path: `${shots}/compat-safari-16.3.png` });
    await safari.close();
  });
});
