import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Engine, type CommandResponse } from "../../engine/api/index.js";

/** The common fixture (chart of accounts, posting set-up, customers, items with opening stock). */
export const STANDARD_FIXTURE = fileURLToPath(
  new URL("../scenarios/fixtures/standard.json", import.meta.url),
);

export const FIXTURE_WORK_DATE = "2025-01-15";

interface FixtureStep {
  do?: string;
  with?: unknown;
}

/** The fixture's command steps, in file order. */
export function fixtureSteps(path: string = STANDARD_FIXTURE): FixtureStep[] {
  const fixture = JSON.parse(readFileSync(path, "utf8")) as { steps: FixtureStep[] };
  return fixture.steps.filter((s) => typeof s.do === "string");
}

/** Throws with the engine's own message when a dispatched command failed. */
export function expectOk(res: CommandResponse, what = "command"): unknown {
  if (!res.ok) throw new Error(`${what} failed: [${res.error.code}] ${res.error.message}`);
  return res.result;
}

/** A new engine holding the fixture company: every fixture step replayed through `dispatch`. */
export async function fixtureCompany(workDate: string = FIXTURE_WORK_DATE): Promise<Engine> {
  const engine = await Engine.create({ workDate });
  for (const [i, step] of fixtureSteps().entries()) {
    expectOk(engine.dispatch({ do: step.do, with: step.with ?? {} }), `fixture step ${i + 1} (${step.do})`);
  }
  return engine;
}

/** Scenario S1's invoice: C10000 buys 10 × item 1000 at 100.00 (VAT 21 %). Returns the document No. */
export function createS01Invoice(engine: Engine): string {
  const result = expectOk(
    engine.dispatch({
      do: "createSalesDocument",
      with: {
        documentType: "Invoice",
        sellToCustomerNo: "C10000",
        postingDate: "2025-01-15",
        documentDate: "2025-01-15",
        lines: [{ type: "Item", no: "1000", quantity: 10, unitPrice: "100.00" }],
      },
    }),
    "createSalesDocument",
  ) as { no: string };
  return result.no;
}

/** Posts S1's invoice; returns the posted invoice No. */
export function postS01Invoice(engine: Engine): { documentNo: string; invoiceNo: string } {
  const documentNo = createS01Invoice(engine);
  const posted = expectOk(
    engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no: documentNo } }),
    "postSalesDocument",
  ) as { invoiceNo: string };
  return { documentNo, invoiceNo: posted.invoiceNo };
}

/** Byte equality of two database images, with a readable failure. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
