import { Engine } from "../../engine/api/index.js";
import { loadSqlJs } from "../../engine/db/sqljs.js";
import { expectOk, fixtureCompany, FIXTURE_WORK_DATE } from "./company.js";

/** PRAGMA freelist_count as SQLite keeps it in the file header (bytes 36–39, big-endian). */
export function freelistCount(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(36);
}

/** Orders with long lines, so that deleting them frees whole pages. */
export function createBulkyOrders(engine: Engine, count: number): string[] {
  const nos: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = expectOk(
      engine.dispatch({
        do: "createSalesDocument",
        with: {
          documentType: "Order",
          sellToCustomerNo: "C10000",
          postingDate: FIXTURE_WORK_DATE,
          lines: Array.from({ length: 20 }, (_, j) => ({
            type: "Item",
            no: "1000",
            quantity: 1,
            unitPrice: "100.00",
            description: `line ${j} ${"x".repeat(80)}`,
          })),
        },
      }),
    ) as { no: string };
    nos.push(res.no);
  }
  return nos;
}

/**
 * The fixture company as a file written without auto_vacuum (as Ledgerpane wrote them before), with
 * free pages: bulky orders were created and then deleted, leaving their pages on the free list
 * holding the deleted rows.
 */
export async function fixtureBytesWithFreePages(): Promise<Uint8Array> {
  const engine = await fixtureCompany();
  createBulkyOrders(engine, 20);
  const SQL = await loadSqlJs();
  const raw = new SQL.Database(engine.export());
  engine.close();
  raw.exec("PRAGMA auto_vacuum=NONE; VACUUM;");
  raw.exec(`DELETE FROM "salesLine"; DELETE FROM "salesHeader";`);
  const bytes = raw.export();
  raw.close();
  return bytes;
}
