import type { EngineApi } from "../engine-host/protocol.js";
import type { CellValue } from "../gateway/cells.js";
import { ERROR_MARK, TEXT_FORMAT, type WorkbookGateway } from "../gateway/gateway.js";
import { CHUNK_CHARS } from "../storage/codec.js";
import { gunzip, gzip } from "../storage/gzip.js";
import type { EnvironmentInfo } from "./environment.js";

/**
 * The scratch sheet and part namespace are our own names, so a run never touches the books: the
 * store only reads parts in its own namespaces, and no Ledgerpane sheet has this name.
 */
export const SCRATCH_SHEET = "lp-diagnostics";
export const SCRATCH_NAMESPACE = "urn:ledgerpane:diagnostics";
/** The size of a real company's books after years of posting: what a save must carry. */
export const XML_ROUND_TRIP_CHARS = 5 * 1024 * 1024;

export interface CheckResult {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
}

export interface SelfTestReport {
  environment: EnvironmentInfo;
  checks: CheckResult[];
  ok: boolean;
  text: string;
}

export interface SelfTestOptions {
  gateway: WorkbookGateway;
  engine: EngineApi;
  environment: EnvironmentInfo;
  /** Characters of the custom XML part round trip; smaller in unit tests that only check the plumbing. */
  xmlChars?: number;
  now?: () => number;
  onCheck?: (done: number, total: number, name: string) => void;
}

class CheckFailed extends Error {}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new CheckFailed(`${what}: expected ${e}, got ${a}`);
}

/** Base64-like text that gzip cannot shrink to nothing, so the parts really carry 5 MB. */
function payload(chars: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let seed = 0x2545f491;
  const out = new Array<string>(chars);
  for (let i = 0; i < chars; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = alphabet[(seed >>> 0) & 63]!;
  }
  return out.join("");
}

const partXml = (index: number, of: number, data: string) =>
  `<diagnostics xmlns="${SCRATCH_NAMESPACE}" index="${index}" of="${of}">${data}</diagnostics>`;

type Step = { name: string; run: () => Promise<string> };

function steps(o: SelfTestOptions, made: { parts: string[] }): Step[] {
  const g = o.gateway;
  const xmlChars = o.xmlChars ?? XML_ROUND_TRIP_CHARS;
  return [
    {
      name: "Scratch sheet",
      run: async () => {
        // A run that was cut short leaves its sheet: start from a clean one.
        if ((await g.listSheets()).includes(SCRATCH_SHEET)) await g.deleteSheet(SCRATCH_SHEET);
        if (!(await g.ensureSheet(SCRATCH_SHEET))) throw new CheckFailed("the sheet was not created");
        return `created '${SCRATCH_SHEET}'`;
      },
    },
    {
      name: "Write and read cells",
      run: async () => {
        const values: CellValue[][] = [
          ["Text", "Ä € ✖ 日本", 12345.67, true],
          ["x", "=looks like a formula", -0.01, false],
        ];
        await g.writeRange(SCRATCH_SHEET, { row: 0, col: 0 }, values, {
          numberFormats: values.map((r) => r.map((_, j) => (j === 1 ? TEXT_FORMAT : null))),
        });
        const back = await g.readRange(SCRATCH_SHEET, { row: 0, col: 0 }, 2, 4);
        expectEqual("cells read back", back, [
          ["Text", "Ä € ✖ 日本", 12345.67, true],
          ["x", "=looks like a formula", -0.01, false],
        ]);
        return "8 cells, text, numbers and booleans";
      },
    },
    {
      name: "Number formats",
      run: async () => {
        // Only the text format keeps leading zeros: reading "00123" back proves the format applied.
        await g.writeRange(SCRATCH_SHEET, { row: 3, col: 0 }, [["00123", 1234567.891]], {
          numberFormats: [[TEXT_FORMAT, "#,##0.00"]],
        });
        const back = await g.readRange(SCRATCH_SHEET, { row: 3, col: 0 }, 1, 2);
        expectEqual("formatted cells read back", back, [["00123", 1234567.891]]);
        return "text (@) and #,##0.00";
      },
    },
    {
      name: "Table with list validation",
      run: async () => {
        await g.writeTable({
          sheet: SCRATCH_SHEET,
          name: "lpDiagCodes",
          top: { row: 5, col: 0 },
          columns: [{ header: "Code", numberFormat: TEXT_FORMAT }, { header: "Name" }],
          rows: [
            ["001", "First"],
            ["002", "Second"],
          ],
        });
        await g.writeTable({
          sheet: SCRATCH_SHEET,
          name: "lpDiagPicks",
          top: { row: 5, col: 4 },
          columns: [
            { header: "Pick", numberFormat: TEXT_FORMAT, list: '=INDIRECT("lpDiagCodes[Code]")' },
            { header: "Amount", numberFormat: "#,##0.00", computed: true },
          ],
          rows: [["002", 10.5]],
          stamp: "diagnostics",
        });
        const codes = await g.readTable("lpDiagCodes");
        const picks = await g.readTable("lpDiagPicks");
        expectEqual("table lpDiagCodes", codes?.rows, [
          ["001", "First"],
          ["002", "Second"],
        ]);
        expectEqual("table lpDiagPicks", picks?.headers, ["Pick", "Amount"]);
        expectEqual("table lpDiagPicks", picks?.rows, [["002", 10.5]]);
        expectEqual("table stamp", await g.readTableStamp("lpDiagPicks"), "diagnostics");
        return "2 tables, a list from the other table, a stamp";
      },
    },
    {
      name: "Conditional format and fills",
      run: async () => {
        await g.writeTable({
          sheet: SCRATCH_SHEET,
          name: "lpDiagStatus",
          top: { row: 10, col: 0 },
          columns: [{ header: "No." }, { header: "Status" }],
          rows: [
            ["1", "OK"],
            ["2", `${ERROR_MARK} something to fix`],
          ],
          statusColumn: 1,
        });
        await g.setCellFills(SCRATCH_SHEET, [
          { cell: { row: 11, col: 0 }, color: "#F8D7DA" },
          { cell: { row: 11, col: 0 }, color: null },
        ]);
        const back = await g.readTable("lpDiagStatus");
        expectEqual("status table", back?.rows.length, 2);
        return "error-mark rule on the status column, a fill set and removed";
      },
    },
    {
      name: "Selection",
      run: async () => {
        await g.activateSheet(SCRATCH_SHEET);
        await g.selectCell(SCRATCH_SHEET, { row: 11, col: 1 });
        return "activated the sheet and selected B12";
      },
    },
    {
      name: `Custom XML parts (${(xmlChars / 1024 / 1024).toFixed(1)} MB in chunks)`,
      run: async () => {
        const text = payload(xmlChars);
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += CHUNK_CHARS) chunks.push(text.slice(i, i + CHUNK_CHARS));
        for (const [i, c] of chunks.entries())
          made.parts.push(await g.addXmlPart(partXml(i, chunks.length, c)));
        expectEqual("parts listed", await g.listXmlParts(SCRATCH_NAMESPACE), made.parts);
        for (const [i, id] of made.parts.entries()) {
          const xml = await g.readXmlPart(id);
          if (xml === null || !xml.includes(chunks[i]!))
            throw new CheckFailed(`part ${i + 1} of ${chunks.length} did not read back as written`);
        }
        const first = made.parts[0]!;
        const replaced = await g.replaceXmlPartIf(
          first,
          (x) => x?.includes(chunks[0]!) ?? false,
          partXml(0, 0, ""),
        );
        if (!replaced) throw new CheckFailed("a compare-and-replace of an unchanged part was refused");
        const refused = await g.replaceXmlPartIf(
          first,
          (x) => x?.includes(chunks[0]!) ?? false,
          partXml(0, 0, "x"),
        );
        if (refused) throw new CheckFailed("a compare-and-replace of a changed part went through");
        await g.deleteXmlParts(made.parts);
        made.parts = [];
        expectEqual("parts after delete", await g.listXmlParts(SCRATCH_NAMESPACE), []);
        return `${chunks.length} parts of up to ${CHUNK_CHARS / 1024} KiB written, read, replaced, deleted`;
      },
    },
    {
      name: "Compression",
      run: async () => {
        const bytes = new TextEncoder().encode(payload(256 * 1024) + "0".repeat(768 * 1024));
        const packed = await gzip(bytes);
        const back = await gunzip(packed);
        if (back.length !== bytes.length || back.some((b, i) => b !== bytes[i]))
          throw new CheckFailed("gzip then gunzip did not give the bytes back");
        const how = typeof CompressionStream === "function" ? "CompressionStream" : "fallback";
        return `${how}: 1 MiB to ${Math.ceil(packed.length / 1024)} KiB and back`;
      },
    },
    {
      name: "Engine (worker and wasm)",
      run: async () => {
        const batch = await o.engine.dispatch(
          [{ do: "read", with: { table: "salesHeader" } }],
          "Diagnostics",
        );
        const r = batch.responses[0];
        if (!r?.ok) throw new CheckFailed(`the engine refused a read: ${r ? r.error.message : "no answer"}`);
        if (batch.changed) throw new CheckFailed("a read changed the books");
        const rows = (r.result as { rows: unknown[] }).rows.length;
        return `SQLite answered a read (${rows} sales document(s))`;
      },
    },
  ];
}

/**
 * Exercises, in the open workbook, every gateway call the add-in relies on, plus compression and
 * the engine, times each, and removes what it made whatever happened: a failure in a real Excel
 * becomes a report the user can copy instead of a bug nobody can reproduce.
 */
export async function runSelfTest(o: SelfTestOptions): Promise<SelfTestReport> {
  const now = o.now ?? (() => performance.now());
  const made = { parts: [] as string[] };
  const list = steps(o, made);
  const checks: CheckResult[] = [];
  const total = list.length + 1;
  for (const step of list) {
    o.onCheck?.(checks.length, total, step.name);
    checks.push(await timed(step.name, now, step.run));
  }
  o.onCheck?.(checks.length, total, "Clean-up");
  checks.push(await timed("Clean-up (nothing left behind)", now, () => cleanUp(o.gateway, made.parts)));
  o.onCheck?.(total, total, "");
  const ok = checks.every((c) => c.ok);
  return { environment: o.environment, checks, ok, text: reportText(o.environment, checks, ok) };
}

async function timed(name: string, now: () => number, run: () => Promise<string>): Promise<CheckResult> {
  const start = now();
  try {
    const detail = await run();
    return { name, ok: true, ms: Math.round(now() - start), detail };
  } catch (e) {
    const detail =
      e instanceof Error ? `${e instanceof CheckFailed ? "" : `${e.name}: `}${e.message}` : String(e);
    return { name, ok: false, ms: Math.round(now() - start), detail };
  }
}

async function cleanUp(g: WorkbookGateway, knownParts: string[]): Promise<string> {
  const parts = [...new Set([...knownParts, ...(await g.listXmlParts(SCRATCH_NAMESPACE))])];
  if (parts.length > 0) await g.deleteXmlParts(parts);
  if ((await g.listSheets()).includes(SCRATCH_SHEET)) await g.deleteSheet(SCRATCH_SHEET);
  const leftSheet = (await g.listSheets()).includes(SCRATCH_SHEET);
  const leftParts = (await g.listXmlParts(SCRATCH_NAMESPACE)).length;
  if (leftSheet || leftParts > 0)
    throw new CheckFailed(
      `left behind: ${leftSheet ? `the sheet '${SCRATCH_SHEET}' ` : ""}${leftParts ? `${leftParts} part(s)` : ""}`,
    );
  return "scratch sheet and parts removed";
}

export function reportText(env: EnvironmentInfo, checks: CheckResult[], ok: boolean): string {
  const lines = [
    `Ledgerpane diagnostics: ${ok ? "all checks passed" : `${checks.filter((c) => !c.ok).length} check(s) failed`}`,
    `Host: ${env.host}`,
    `Platform: ${env.platform}`,
    `Office version: ${env.version}`,
    `API sets: ${env.apiSets.length > 0 ? env.apiSets.join(", ") : "none reported"}`,
    `Browser: ${env.userAgent}`,
    "",
    ...checks.map((c) => `${c.ok ? "PASS" : "FAIL"}  ${c.name} (${c.ms} ms): ${c.detail}`),
  ];
  return lines.join("\n");
}
