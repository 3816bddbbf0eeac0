import { describe, expect, it } from "vitest";
import {
  loadScenario,
  normalizePath,
  parseStep,
  resolvePath,
  substitute,
  type ScenarioLoader,
} from "../../engine/scenario/index.js";

function memoryLoader(files: Record<string, unknown>): ScenarioLoader {
  return (path) =>
    path in files ? Promise.resolve(files[path]) : Promise.reject(new Error(`no file ${path}`));
}

describe("paths", () => {
  it("resolves fixture paths relative to the including file", () => {
    expect(resolvePath("test/scenarios/s01.json", "fixtures/standard.json")).toBe(
      "test/scenarios/fixtures/standard.json",
    );
    expect(resolvePath("test/scenarios/fixtures/a.json", "../fixtures/./b.json")).toBe(
      "test/scenarios/fixtures/b.json",
    );
    expect(resolvePath("s01.json", "fixtures/x.json")).toBe("fixtures/x.json");
    expect(resolvePath("/abs/s.json", "../f.json")).toBe("/f.json");
    expect(resolvePath("C:\\work\\s.json", "fixtures\\f.json")).toBe("C:/work/fixtures/f.json");
    expect(resolvePath("https://host/sc/s.json", "f/x.json")).toBe("https://host/sc/f/x.json");
    expect(normalizePath("../a/../../b")).toBe("../../b");
  });
});

describe("loadScenario", () => {
  it("runs the fixture chain innermost first; the scenario's work date wins", async () => {
    const loaded = await loadScenario(
      "sc/main.json",
      memoryLoader({
        "sc/main.json": JSON.stringify({
          title: "main",
          fixture: "fx/mid.json",
          workDate: "2025-03-01",
          steps: [{ do: "read", with: { table: "customer" } }],
        }),
        "sc/fx/mid.json": {
          fixture: "base.json",
          workDate: "2025-02-01",
          steps: [{ expect: "customer", count: 0 }],
        },
        "sc/fx/base.json": { steps: [{ do: "upsert", with: { table: "customer", rows: [] } }] },
      }),
    );
    expect(loaded.files.map((f) => f.path)).toEqual(["sc/fx/base.json", "sc/fx/mid.json", "sc/main.json"]);
    expect(loaded.files.map((f) => f.steps[0]!.fixture)).toEqual([true, true, false]);
    expect(loaded.workDate).toBe("2025-03-01");
    expect(loaded.title).toBe("main");
  });

  it("takes the nearest fixture's work date when the scenario has none", async () => {
    const loaded = await loadScenario(
      "m.json",
      memoryLoader({
        "m.json": { fixture: "a.json", steps: [] },
        "a.json": { fixture: "b.json", workDate: "2025-02-01", steps: [] },
        "b.json": { workDate: "2025-01-01", steps: [] },
      }),
    );
    expect(loaded.workDate).toBe("2025-02-01");
  });

  it("refuses fixture cycles, missing fixtures and bad JSON with the file named", async () => {
    await expect(
      loadScenario(
        "a.json",
        memoryLoader({
          "a.json": { fixture: "b.json", steps: [] },
          "b.json": { fixture: "a.json", steps: [] },
        }),
      ),
    ).rejects.toThrow(/Fixture cycle: a.json → b.json → a.json/);
    await expect(
      loadScenario("a.json", memoryLoader({ "a.json": { fixture: "nope.json", steps: [] } })),
    ).rejects.toThrow(/a.json: fixture nope.json cannot be read/);
    await expect(loadScenario("a.json", memoryLoader({ "a.json": "{ steps: " }))).rejects.toThrow(
      /a.json is not valid JSON/,
    );
  });
});

describe("parseStep", () => {
  it("refuses unknown keys so a misspelt expectation cannot pass silently", () => {
    expect(() => parseStep({ expect: "glEntry", where: {}, rowz: [] }, "f.json", 3, false)).toThrow(
      /f.json, step 3: unknown key "rowz"/,
    );
    expect(() => parseStep({ expect: "glEntry", where: {} }, "f.json", 1, false)).toThrow(
      /needs "rows", "count" or "none"/,
    );
    expect(() => parseStep({ do: "x", expect: "y" }, "f.json", 1, false)).toThrow(/exactly one of/);
    expect(() => parseStep({ expect: "t", rows: [], order: "sorted" }, "f.json", 1, false)).toThrow(
      /"order"/,
    );
  });

  it("accepts comments and reads none as count 0", () => {
    expect(
      parseStep({ expect: "glEntry", where: { documentNo: "X" }, none: true, comment: "why" }, "f", 1, false),
    ).toMatchObject({
      kind: "expect",
      table: "glEntry",
      count: 0,
      order: "key",
    });
  });
});

describe("substitute", () => {
  const kept = new Map<string, unknown>([
    ["so", { no: "SO1001", lines: [{ lineNo: 10000 }, { lineNo: 20000 }] }],
    ["posted", { invoiceNo: "103001", shipmentNo: null }],
  ]);

  it("keeps the referenced value's type when the whole string is a reference", () => {
    expect(substitute("$so.lines.1.lineNo", kept)).toBe(20000);
    expect(substitute("$so.lines.0", kept)).toEqual({ lineNo: 10000 });
    expect(substitute("$posted.shipmentNo", kept)).toBeNull();
    expect(
      substitute({ no: "$so.no", lineNo: "$so.lines.0.lineNo", list: ["$posted.invoiceNo", 5, true] }, kept),
    ).toEqual({ no: "SO1001", lineNo: 10000, list: ["103001", 5, true] });
  });

  it("concatenates references embedded in a longer string; $$ is a dollar", () => {
    expect(substitute("Order $so.no, line $so.lines.0.lineNo.", kept)).toBe("Order SO1001, line 10000.");
    expect(substitute("costs $$5 and $$so.no", kept)).toBe("costs $5 and $so.no");
    expect(substitute("no references", kept)).toBe("no references");
  });

  it("names the reference that cannot be resolved", () => {
    expect(() => substitute("$sp.no", kept)).toThrow(/no result was kept as 'sp' \(kept: so, posted\)/);
    expect(() => substitute("$so.lines.2.lineNo", kept)).toThrow(
      /\$so.lines is a list of 2; it has no element '2'/,
    );
    expect(() => substitute("$posted.creditMemoNo", kept)).toThrow(
      /has no field 'creditMemoNo' \(it has invoiceNo, shipmentNo\)/,
    );
    expect(() => substitute("x $so.lines y", kept)).toThrow(
      /only text, numbers and booleans can be embedded/,
    );
  });
});
