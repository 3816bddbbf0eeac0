import { afterEach, describe, expect, it } from "vitest";
import { COMMANDS, registerCommand, type CommandDef } from "../../engine/api/commands.js";
import type { Ctx } from "../../engine/api/context.js";
import type { JsonObject } from "../../engine/api/input.js";
import { rowToJson } from "../../engine/api/json.js";
import { dec } from "../../engine/kernel/decimal.js";
import { readTable } from "../../engine/queries/read.js";
import {
  formatEntries,
  formatFailures,
  formatFile,
  formatSummary,
  runScenarioFile,
  type FileResult,
  type RunOptions,
  type ScenarioLoader,
} from "../../engine/scenario/index.js";

/**
 * The runner against the commands that exist in every build (upsert, read) plus test commands
 * registered here: a fake posting that writes G/L entries, its preview, and commands that misbehave
 * (leave changes after failing, unbalance a transaction, rewrite a posted row).
 */
const saved = new Map<string, CommandDef | undefined>();
function fake(name: string, def: CommandDef): void {
  if (!saved.has(name)) saved.set(name, COMMANDS[name]);
  registerCommand(name, def);
}
afterEach(() => {
  for (const [name, def] of saved) {
    if (def) COMMANDS[name] = def;
    else delete COMMANDS[name];
  }
  saved.clear();
});

async function run(steps: unknown[], options: Partial<RunOptions> = {}): Promise<FileResult> {
  const loader: ScenarioLoader = (path) =>
    path === "t.json"
      ? Promise.resolve({ title: "test", workDate: "2025-01-15", steps })
      : Promise.reject(new Error(`no ${path}`));
  return runScenarioFile("t.json", { ...options, loader });
}

const accounts = {
  do: "upsert",
  with: {
    table: "glAccount",
    rows: [
      { no: "2310", name: "Customers, Domestic" },
      { no: "6110", name: "Sales, Retail" },
      { no: "5610", name: "Sales VAT 21%" },
    ],
  },
};

/** Posts an invoice's G/L side: 1210 to receivables, 1000 revenue, 210 VAT (amounts from input). */
function postEntries(ctx: Ctx, input: JsonObject): { invoiceNo: string } {
  const net = dec(String(input.net ?? "1000"));
  const vat = dec(String(input.vat ?? "210"));
  const first = ctx.repo.nextNo("glEntry");
  const transactionNo = Number(
    ctx.db.all(`SELECT COALESCE(MAX("transactionNo"), 0) + 1 FROM "glEntry"`)[0]![0],
  );
  const lines: [string, ReturnType<typeof dec>][] = [
    ["6110", net.negated()],
    ["5610", vat.negated()],
    ["2310", net.plus(vat)],
  ];
  lines.forEach(([account, amount], i) =>
    ctx.repo.insert("glEntry", {
      entryNo: first + i,
      glAccountNo: account,
      amount,
      debitAmount: amount.isNegative() ? dec(0) : amount,
      creditAmount: amount.isNegative() ? amount.negated() : dec(0),
      transactionNo,
      documentType: "Invoice",
      documentNo: "103001",
      postingDate: "2025-01-15",
    }),
  );
  ctx.repo.insert("glRegister", {
    no: ctx.repo.nextNo("glRegister", "no"),
    fromEntryNo: first,
    toEntryNo: first + 2,
  });
  return { invoiceNo: "103001" };
}

function entriesAsJson(ctx: Ctx, from: number): Record<string, unknown[]> {
  const r = readTable(ctx.repo, ctx.workDate, { table: "glEntry" });
  const gl = r.rows.filter((row) => Number(row.entryNo) >= from).map((row) => rowToJson(row, r.columns));
  return {
    glEntry: gl,
    vatEntry: [],
    custLedgerEntry: [],
    detailedCustLedgEntry: [],
    itemLedgerEntry: [],
    valueEntry: [],
  };
}

/** A faithful preview: the same posting in a transaction that is rolled back. */
const goodPreview: CommandDef = {
  readOnly: true,
  run: (ctx, input) =>
    ctx.db.rollbackAfter(() => {
      const from = ctx.repo.nextNo("glEntry");
      postEntries(ctx, input);
      return { entries: entriesAsJson(ctx, from) };
    }),
};

describe("runner: expectations", () => {
  it("passes a scenario of upserts and reads, with decimals compared exactly and rows in any order", async () => {
    const r = await run([
      accounts,
      { expect: "glAccount", where: {}, rows: [{ no: "2310" }, { no: "5610" }, { no: "6110" }] },
      {
        expect: "glAccount",
        where: {},
        order: "any",
        rows: [
          { no: "6110", name: "Sales, Retail", balance: 0 },
          { no: "2310", balance: "0.0" },
          { no: "5610" },
        ],
      },
      { expect: "glAccount", where: { no: "6110" }, count: 1 },
      { expect: "glAccount", where: { no: "9999" }, none: true },
    ]);
    expect(formatFailures(r)).not.toMatch(/✗/);
    expect(r.status).toBe("passed");
    expect(r.counts).toEqual({ passed: 6, failed: 0, skipped: 0 });
    expect(r.steps[r.steps.length - 1]!.label).toBe("invariants (end of file)");
  });

  it("fails a wrong row with a readable diff and goes on with the next steps", async () => {
    const r = await run([
      accounts,
      { expect: "glAccount", where: { no: "6110" }, rows: [{ name: "Sales, Retial" }] },
      { expect: "glAccount", where: {}, rows: [{ no: "2310" }, { no: "6110" }] },
      { expect: "glAccount", where: {}, count: 2 },
      { expect: "glAccount", where: { no: "6110" }, rows: [{ nmae: "x" }] },
      { expect: "glAccount", where: { no: "6110" }, none: true },
    ]);
    expect(r.status).toBe("failed");
    expect(r.counts).toMatchObject({ passed: 2, failed: 5 });
    const text = formatFailures(r);
    expect(text).toContain('name: expected "Sales, Retial", got "Sales, Retail"');
    expect(text).toContain("Expected 2 rows, found 3.");
    expect(text).toContain("✓ row 1 {no: 2310}  (no 2310)");
    // One row too many: the others still line up, only the extra one is marked.
    expect(text).toContain("✗ unexpected row {no: 5610}  (no 5610)");
    expect(text).toContain("✓ row 2 {no: 6110}  (no 6110)");
    expect(text).toContain("nmae: expected x, got nothing (no such field)");
    expect(text).toContain("Expected no rows, found 1.");
  });

  it("keeps results, substitutes them in later steps and checks them with expectResult", async () => {
    fake("testCreate", { run: () => ({ no: "x1", lines: [{ lineNo: 10000 }, { lineNo: 20000 }] }) });
    const r = await run([
      { do: "testCreate", as: "doc" },
      {
        expectResult: "doc",
        fields: { no: "x1", "lines.1.lineNo": "20000", lines: [{ lineNo: 10000 }, {}] },
      },
      {
        do: "upsert",
        with: { table: "glAccount", rows: [{ no: "$doc.no", name: "Line $doc.lines.1.lineNo" }] },
      },
      { expect: "glAccount", where: { no: "$doc.no" }, rows: [{ no: "X1", name: "Line 20000" }] },
      { expectResult: "doc", fields: { no: "x2" } },
      { expectResult: "nope", fields: {} },
      { expect: "glAccount", where: { no: "$doc.number" }, none: true },
    ]);
    expect(r.counts).toMatchObject({ passed: 5, failed: 3 });
    const text = formatFailures(r);
    expect(text).toContain('no: expected "x2", got "x1"');
    expect(text).toContain("No result was kept as 'nope' (kept: doc)");
    expect(text).toContain("$doc has no field 'number' (it has no, lines)");
  });
});

describe("runner: commands", () => {
  it("expectError: the message must contain the text and nothing may remain in the database", async () => {
    fake("testLeak", {
      ownTransaction: true,
      run: (ctx) => {
        ctx.repo.insert("unitOfMeasure", { code: "LEAK" });
        throw new Error("Something went wrong after writing.");
      },
    });
    const r = await run([
      {
        do: "upsert",
        with: { table: "glAccount", rows: [{ no: 1, nosuchfield: 1 }] },
        expectError: "nosuchfield",
      },
      { do: "upsert", with: { table: "nosuchtable", rows: [] }, expectError: "is not the message" },
      { do: "upsert", with: { table: "unitOfMeasure", rows: [] }, expectError: "anything" },
      { do: "testLeak", expectError: "went wrong" },
    ]);
    expect(r.steps.map((s) => s.status)).toEqual(["passed", "failed", "failed", "failed", "passed"]);
    const text = formatFailures(r);
    expect(text).toContain('Expected an error containing "is not the message", got: upsert:');
    expect(text).toContain('Expected the command to fail with "anything", but it succeeded.');
    expect(text).toContain("The failed command left changes in the database");
  });

  it("stops the file at a command that fails unexpectedly; later steps are not run", async () => {
    const r = await run([
      { do: "upsert", with: { table: "nosuchtable", rows: [] } },
      { expect: "glAccount", where: {}, none: true },
    ]);
    expect(r.status).toBe("failed");
    expect(r.steps.map((s) => s.status)).toEqual(["failed", "skipped", "passed"]);
    expect(formatFile(r).join("\n")).toContain("not run: step 1 failed");
  });

  it("expectWarnings: each text must be among the result's warnings", async () => {
    fake("testWarn", { run: () => ({ warnings: ["Customer C10000 has overdue balance 10.00."] }) });
    const r = await run([
      { do: "testWarn", expectWarnings: ["overdue balance"] },
      { do: "testWarn", expectWarnings: ["credit limit"] },
    ]);
    expect(r.steps.map((s) => s.status).slice(0, 2)).toEqual(["passed", "failed"]);
    expect(formatFailures(r)).toContain('Expected a warning containing "credit limit"');
  });

  it("prints the entries a posting made, G/L grouped by transaction with names, debit and credit", async () => {
    fake("postSalesDocument", { run: postEntries });
    fake("previewPosting", goodPreview);
    const r = await run([accounts, { do: "postSalesDocument", as: "posted" }]);
    expect(formatFailures(r)).not.toMatch(/✗/);
    const step = r.steps[1]!;
    expect(step.entries?.tables.glEntry).toHaveLength(3);
    expect(step.parity).toEqual({ status: "passed" });
    const text = formatEntries(step.entries!).join("\n");
    expect(text).toContain("G/L transaction 1 · register 1 · 2025-01-15 · Invoice 103001");
    expect(text).toMatch(/6110\s+Sales, Retail\s+1000\.00/);
    expect(text).toMatch(/2310\s+Customers, Domestic\s+1210\.00/);
    expect(text).toMatch(/Total\s+1210\.00\s+1210\.00/);
    const lines = text.split("\n");
    const col = (l: string) => l.lastIndexOf(".") + 3;
    const amountLines = lines.filter((l) => /\d\.\d\d$/.test(l));
    expect(new Set(amountLines.filter((l) => l.includes("6110") || l.includes("5610")).map(col)).size).toBe(
      1,
    );
  });
});

describe("runner: invariants", () => {
  it("reports an unbalanced transaction at the step that made it, once", async () => {
    fake("testUnbalanced", {
      run: (ctx) => {
        ctx.repo.insert("glEntry", {
          entryNo: 1,
          glAccountNo: "6110",
          amount: dec("-5"),
          creditAmount: dec("5"),
          transactionNo: 1,
        });
        return {};
      },
    });
    const r = await run([accounts, { do: "testUnbalanced" }, { expect: "glEntry", where: {}, count: 1 }]);
    expect(r.status).toBe("failed");
    const inv = r.steps.filter((s) => s.kind === "invariants");
    expect(inv.map((s) => [s.label, s.status])).toEqual([
      ["invariants after step 2", "failed"],
      ["invariants (end of file)", "passed"],
    ]);
    expect(inv[0]!.message).toContain(
      "[balanced-transactions] G/L transactions do not balance: transaction 1",
    );
  });

  it("reports a posted row that a later command changed", async () => {
    fake("postSalesDocument", { run: postEntries });
    fake("testTamper", {
      ownTransaction: true,
      run: (ctx) => {
        ctx.db.exec(`DROP TRIGGER "glEntry_append_only_update"`);
        ctx.db.exec(`UPDATE "glEntry" SET "documentNo" = 'X' WHERE "entryNo" = 2`);
        return {};
      },
    });
    const r = await run([accounts, { do: "postSalesDocument" }, { do: "testTamper" }], {
      previewParity: false,
    });
    const inv = r.steps.find((s) => s.kind === "invariants" && s.status === "failed");
    expect(inv?.label).toBe("invariants after step 3");
    expect(inv?.message).toContain(
      '[append-only] Posted rows changed: glEntry entryNo 2: documentNo was "103001", now "X"',
    );
  });

  it("can be switched off", async () => {
    fake("testUnbalanced", {
      run: (ctx) => {
        ctx.repo.insert("glEntry", { entryNo: 1, amount: dec("1"), debitAmount: dec("1"), transactionNo: 1 });
        return {};
      },
    });
    const r = await run([{ do: "testUnbalanced" }], { invariants: "off" });
    expect(r.status).toBe("passed");
  });
});

describe("runner: preview parity", () => {
  it("fails when the preview differs from the posting", async () => {
    fake("postSalesDocument", { run: postEntries });
    fake("previewPosting", {
      readOnly: true,
      run: (ctx, input) => goodPreview.run(ctx, { ...input, vat: "200" }),
    });
    const r = await run([
      accounts,
      { do: "postSalesDocument", with: { documentType: "Invoice", no: "SI1" } },
    ]);
    const step = r.steps[1]!;
    expect(step.status).toBe("failed");
    expect(step.parity?.status).toBe("failed");
    expect(step.message).toContain('glEntry entry 2: amount: preview "-200.00", posted "-210.00"');
    expect(step.message).toContain('glEntry entry 3: amount: preview "1200.00", posted "1210.00"');
  });

  it("fails when the preview changes the database or does not exist, and the posting still runs", async () => {
    fake("postSalesDocument", { run: postEntries });
    fake("previewPosting", {
      run: (ctx, input) => ({ entries: entriesAsJson(ctx, 1), ...postEntries(ctx, input) }),
    });
    const changed = await run([
      accounts,
      { do: "postSalesDocument", as: "p" },
      { expectResult: "p", fields: { invoiceNo: "103001" } },
    ]);
    expect(changed.steps[1]!.message).toContain("previewPosting changed the database");
    expect(changed.steps[2]!.status).toBe("passed");

    delete COMMANDS.previewPosting;
    const missing = await run([accounts, { do: "postSalesDocument" }]);
    expect(missing.steps[1]!.message).toContain("previewPosting failed: Unknown command 'previewPosting'");
    const off = await run([accounts, { do: "postSalesDocument" }], { previewParity: false });
    expect(off.status).toBe("passed");
  });

  it("is not run for a posting that is expected to fail", async () => {
    fake("postSalesDocument", {
      run: () => {
        throw new Error("There is nothing to post.");
      },
    });
    delete COMMANDS.previewPosting;
    const r = await run([{ do: "postSalesDocument", expectError: "nothing to post" }]);
    expect(r.status).toBe("passed");
  });
});

describe("runner: fixtures and work date", () => {
  it("runs fixture steps first at the scenario's work date and reports each step as it finishes", async () => {
    fake("testWorkDate", { readOnly: true, run: (ctx) => ({ workDate: ctx.workDate }) });
    const files: Record<string, unknown> = {
      "sc/main.json": {
        title: "main",
        fixture: "fixtures/company.json",
        workDate: "2025-03-31",
        steps: [
          { do: "testWorkDate", as: "d" },
          { expectResult: "d", fields: { workDate: "2025-03-31" } },
          { expect: "glAccount", where: { no: "2310" }, count: 1 },
        ],
      },
      "sc/fixtures/company.json": {
        workDate: "2025-01-01",
        steps: [accounts, { do: "testWorkDate", as: "f" }],
      },
    };
    const seen: string[] = [];
    const r = await runScenarioFile("sc/main.json", {
      loader: (p) => Promise.resolve(files[p]),
      onStep: (s) => seen.push(`${s.fixture ? "F" : "M"}${s.index}`),
    });
    expect(formatFailures(r)).not.toMatch(/✗/);
    expect(r.workDate).toBe("2025-03-31");
    expect(seen).toEqual(["F1", "F2", "M1", "M2", "M3", "M3"]);
    expect(r.steps[1]!.result).toEqual({ workDate: "2025-03-31" });
    expect(formatFile(r).join("\n")).toContain("fixture sc/fixtures/company.json: 2 steps ✓");
  });

  it("fails the file, without running anything, when a fixture cannot be read", async () => {
    const r = await runScenarioFile("a.json", {
      loader: (p) =>
        p === "a.json"
          ? Promise.resolve({ fixture: "f.json", steps: [] })
          : Promise.reject(new Error("ENOENT")),
    });
    expect(r.status).toBe("failed");
    expect(r.error).toBe("a.json: fixture f.json cannot be read: ENOENT");
    expect(formatSummary([r]).at(-1)).toBe("0 passed, 1 failed");
  });
});

describe("summary", () => {
  it("ends with exactly 'N passed, M failed' counting files", async () => {
    const ok = await run([accounts]);
    const bad = await run([{ expect: "glAccount", where: {}, count: 1 }]);
    const lines = formatSummary([ok, bad, ok]);
    expect(lines[lines.length - 1]).toBe("2 passed, 1 failed");
    expect(lines).toContain("steps: 5 passed, 1 failed");
  });
});
