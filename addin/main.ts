/// <reference types="office-js" />
import { WorkerEngineClient } from "./engine-host/worker-client.js";
import { MemoryGateway } from "./gateway/memory-gateway.js";
import { MemoryWorkbook } from "./gateway/memory-workbook.js";
import { OfficeGateway } from "./gateway/office-gateway.js";
import { Session } from "./session/session.js";
import { BrowserWorkbookStore } from "./standalone/browser-store.js";
import "./ui/app.js";
import "./ui/standalone-shell.js";

/**
 * Inside Excel the pane drives the real workbook through Office.js. Anywhere else (a plain browser,
 * the end-to-end tests) Office.onReady answers without a host, and the page becomes the standalone
 * demo: an in-memory workbook drawn as grids, kept in IndexedDB so a reload finds it again.
 */
async function excelHost(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
  ]);
  return info !== null && info.host === Office.HostType.Excel;
}

async function boot(): Promise<void> {
  const root = document.getElementById("app")!;
  const engine = new WorkerEngineClient();
  if (await excelHost()) {
    const session = new Session(new OfficeGateway(), engine, "office");
    engine.onProgress = session.engineProgress;
    const app = document.createElement("lp-app");
    app.session = session;
    root.replaceChildren(app);
    await session.start();
    return;
  }
  const store = await BrowserWorkbookStore.open();
  const workbook = new MemoryWorkbook((await store.load()) ?? undefined);
  const gateway = new MemoryGateway(workbook);
  const persist = () => store.save(() => workbook.state);
  gateway.afterWrite = persist;
  workbook.subscribe((change) => {
    if (change === "user") void persist();
  });
  const session = new Session(gateway, engine, "standalone");
  engine.onProgress = session.engineProgress;
  const shell = document.createElement("lp-standalone");
  shell.session = session;
  shell.workbook = workbook;
  shell.resetWorkbook = async () => {
    await store.clear();
    location.reload();
  };
  root.replaceChildren(shell);
  await session.start();
}

boot().catch((e: unknown) => {
  const root = document.getElementById("app");
  if (root) root.textContent = `Ledgerpane could not start: ${e instanceof Error ? e.message : String(e)}`;
});
