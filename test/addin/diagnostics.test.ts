import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngineHost } from "../../addin/engine-host/engine-host.js";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { supportedSets, standaloneEnvironment } from "../../addin/diagnostics/environment.js";
import { runSelfTest, SCRATCH_NAMESPACE, SCRATCH_SHEET } from "../../addin/diagnostics/self-test.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { CHUNK_CHARS } from "../../addin/storage/codec.js";

const env = standaloneEnvironment("vitest");

describe("Diagnostics self-test", () => {
  let engine: EngineHost;
  beforeAll(async () => {
    engine = await createInProcessEngine();
    await engine.create({ demo: true, workDate: "2026-01-15" });
  });
  afterAll(() => engine.close());

  it("passes every check on the memory gateway, round-trips 5 MB of parts in chunks, and leaves nothing behind", async () => {
    const gateway = new MemoryGateway();
    await gateway.ensureSheet("Sheet1");
    await gateway.addXmlPart('<keep xmlns="urn:other">books</keep>');
    const before = JSON.stringify(gateway.workbook.state);
    const logged = gateway.log.length;
    const report = await runSelfTest({ gateway, engine, environment: env });

    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual([
      "Scratch sheet",
      "Write and read cells",
      "Number formats",
      "Table with list validation",
      "Conditional format and fills",
      "Selection",
      "Custom XML parts (5.0 MB in chunks)",
      "Compression",
      "Engine (worker and wasm)",
      "Clean-up (nothing left behind)",
    ]);
    // Every part was one request below Excel's 5 MB limit, and there were enough of them to be chunks.
    const adds = gateway.log.slice(logged).filter((l) => l.op === "addXmlPart");
    expect(adds.length).toBe(Math.ceil((5 * 1024 * 1024) / CHUNK_CHARS));
    expect(await gateway.listSheets()).toEqual(["Sheet1"]);
    expect(await gateway.listXmlParts(SCRATCH_NAMESPACE)).toEqual([]);
    expect(JSON.stringify(gateway.workbook.state.parts)).toBe(JSON.stringify(JSON.parse(before).parts));
    expect(report.text).toContain("Host: standalone");
    expect(report.text).toMatch(/PASS {2}Custom XML parts \(5\.0 MB in chunks\) \(\d+ ms\)/);
    for (const c of report.checks) expect(c.ms).toBeGreaterThanOrEqual(0);
  });

  it("reports a failing call with its message, and still removes the scratch sheet and parts", async () => {
    const gateway = new MemoryGateway();
    gateway.readXmlPart = async () => "<diagnostics>changed</diagnostics>";
    const report = await runSelfTest({ gateway, engine, environment: env, xmlChars: 10_000 });
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual(["Custom XML parts (0.0 MB in chunks)"]);
    expect(failed[0]!.detail).toContain("did not read back as written");
    expect(report.ok).toBe(false);
    expect(report.text).toMatch(/^Ledgerpane diagnostics: 1 check\(s\) failed/);
    expect(report.text).toContain("FAIL  Custom XML parts");
    expect(await gateway.listSheets()).not.toContain(SCRATCH_SHEET);
    expect(await gateway.listXmlParts(SCRATCH_NAMESPACE)).toEqual([]);
  });

  it("starts from a clean sheet when an earlier run was cut short", async () => {
    const gateway = new MemoryGateway();
    await gateway.ensureSheet(SCRATCH_SHEET);
    await gateway.writeRange(SCRATCH_SHEET, { row: 0, col: 0 }, [["left over"]]);
    const report = await runSelfTest({ gateway, engine, environment: env, xmlChars: 10_000 });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(await gateway.listSheets()).toEqual([]);
  });

  it("reports an engine that does not answer as a failed engine check", async () => {
    const gateway = new MemoryGateway();
    const broken = {
      ...engine,
      dispatch: () => Promise.reject(new Error("The engine worker failed: it could not start.")),
    } as unknown as EngineHost;
    const report = await runSelfTest({ gateway, engine: broken, environment: env, xmlChars: 10_000 });
    const failed = report.checks.filter((c) => !c.ok);
    expect(failed.map((c) => [c.name, c.detail])).toEqual([
      ["Engine (worker and wasm)", "Error: The engine worker failed: it could not start."],
    ]);
  });
});

describe("API sets in the report", () => {
  it("names the highest supported version of each set and survives hosts that throw", () => {
    const sets = supportedSets((name, version) => {
      if (name === "RibbonApi") throw new Error("unknown set");
      if (name === "ExcelApi") return Number(version.split(".")[1]) <= 17;
      return name === "DialogApi" && version === "1.1";
    });
    expect(sets).toEqual(["ExcelApi 1.17", "DialogApi 1.1"]);
  });
});
