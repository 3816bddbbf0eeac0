/// <reference types="office-js" />
import { WorkerEngineClient } from "./engine-host/worker-client.js";
import { MemoryGateway } from "./gateway/memory-gateway.js";
import { MemoryWorkbook } from "./gateway/memory-workbook.js";
import { OfficeGateway } from "./gateway/office-gateway.js";
import { Session } from "./session/session.js";
import { BrowserWorkbookStore } from "./standalone/browser-store.js";
import { chooseHost, isInFrame, officeHostHints, type HostChoice } from "./standalone/host-choice.js";
import { confirmStartOver } from "./standalone/start-over.js";
import "./ui/app.js";
import "./ui/standalone-shell.js";

/**
 * Inside Excel the pane drives the real workbook through Office.js. A plain browser page (and the
 * end-to-end tests) gets the standalone demo: an in-memory workbook drawn as grids, kept in
 * IndexedDB so a reload finds it again. Inside a host frame or webview the page waits for Office
 * however long it takes, because the demo would write the user's work to the browser instead.
 */
const FIRST_WAIT_MS = 10_000;

async function whereAmI(root: HTMLElement): Promise<HostChoice> {
  const officeLoaded = typeof Office !== "undefined" && typeof Office.onReady === "function";
  const signals = {
    officeLoaded,
    inFrame: isInFrame(window),
    hostHints: officeHostHints(window as never),
  };
  if (!officeLoaded) return chooseHost({ ...signals, ready: "pending" });
  const ready = Office.onReady().then((info) => ({ host: info.host ? String(info.host) : null }));
  const first = await Promise.race([
    ready,
    new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), FIRST_WAIT_MS)),
  ]);
  const choice = chooseHost({ ...signals, ready: first });
  if (choice.kind !== "wait") return choice;
  root.textContent =
    `Waiting for Excel… (${choice.reason}). Ledgerpane starts when Excel is ready; ` +
    "nothing is written anywhere meanwhile.";
  const late = chooseHost({ ...signals, ready: await ready });
  return late.kind === "wait"
    ? { kind: "refuse", message: `Excel did not answer as expected (${late.reason}); reopen the pane.` }
    : late;
}

async function boot(): Promise<void> {
  const root = document.getElementById("app")!;
  const choice = await whereAmI(root);
  if (choice.kind === "refuse") {
    root.textContent = choice.message;
    return;
  }
  const engine = new WorkerEngineClient();
  if (choice.kind === "excel") {
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
    if (await confirmStartOver(session, store)) location.reload();
  };
  if (await store.erased())
    shell.undoStartOver = async () => {
      if (!(await store.undoStartOver())) return;
      // Said after the reload, so the user sees that the erased books are back.
      sessionStorage.setItem(RESTORED_FLAG, "1");
      location.reload();
    };
  root.replaceChildren(shell);
  await session.start();
  if (sessionStorage.getItem(RESTORED_FLAG)) {
    sessionStorage.removeItem(RESTORED_FLAG);
    session.notice("Start over was undone: the books erased by it are back, as they were.");
  }
}

const RESTORED_FLAG = "ledgerpane:start-over-undone";

boot().catch((e: unknown) => {
  const root = document.getElementById("app");
  if (root) root.textContent = `Ledgerpane could not start: ${e instanceof Error ? e.message : String(e)}`;
});
