import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { CHROMIUM, launchChromium } from "./chromium.js";
import { buildAndServe, type ServedAddin } from "./serve-addin.js";

export interface StandalonePage {
  page: Page;
  url: string;
}

/**
 * The built add-in served on localhost and one Chromium page for a describe block: started before its
 * tests, closed after them. The returned object is filled in by `beforeAll`.
 */
export function useStandalonePage(): StandalonePage {
  const ctx = {} as StandalonePage;
  let served: ServedAddin | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium).`);
    served = await buildAndServe();
    browser = await launchChromium();
    ctx.page = browser.context.pages()[0] ?? (await browser.context.newPage());
    ctx.url = served.url;
    ctx.page.on("pageerror", (e) => console.error("page error:", e.message));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return ctx;
}

/** Opens the standalone page and waits until the pane says it runs without Excel. */
export async function openStandalone({ page, url }: StandalonePage): Promise<void> {
  await page.goto(url);
  await expect
    .poll(() => page.getByText("Standalone (no Excel)").isVisible(), { timeout: 30_000 })
    .toBe(true);
}
