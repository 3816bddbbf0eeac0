import fc from "fast-check";
import type { SqlJsStatic } from "sql.js";
import { beforeAll, describe, expect, it } from "vitest";
import {
  decodeValue,
  encodeValue,
  fromScaled,
  MAX_SCALED_DIGITS,
  toScaled,
  type SqlValue,
} from "../../../engine/db/codec.js";
import { SCALE, type ColumnDef } from "../../../engine/db/columns.js";
import { Database } from "../../../engine/db/database.js";
import { TABLES } from "../../../engine/db/schema/index.js";
import { loadSqlJs } from "../../../engine/db/sqljs.js";
import { dec } from "../../../engine/kernel/decimal.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import { propertyParams, propertySeed } from "../../helpers/properties.js";

/**
 * The codec (engine/db/codec.ts) turns decimals into scaled integers and back. Exact or refused:
 * every value it accepts comes back digit for digit, through SQLite too; a value with more places
 * than the scale, or past the column limit (below 10^14 scaled units), is a LedgerpaneError, never rounded or wrapped. The
 * expected integer is computed here from the decimal text alone (digits shifted, no arithmetic).
 */
const seed = propertySeed("decimals.property");
// Decision 0009: a stored value is below 10^14 scaled units, so no ledger sum can overflow 64 bits.
const LIMIT_MAX = 10n ** BigInt(MAX_SCALED_DIGITS) - 1n;
const LIMIT_MIN = -LIMIT_MAX;

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await loadSqlJs();
});

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** A decimal text: sign, up to `maxInt` integer digits, up to `maxFrac` decimals (zeros included). */
function decimalText(maxInt: number, maxFrac: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.boolean(), digits(1, maxInt), digits(0, maxFrac))
    .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
}

/** The scaled integer the text stands for at `scale`, or why the codec must refuse it. */
function expectedScaled(text: string, scale: number): { scaled: bigint } | { refuse: "places" | "range" } {
  const neg = text.startsWith("-");
  const [int, frac = ""] = text.replace(/^-/, "").split(".") as [string, string?];
  const significant = frac.replace(/0+$/, "");
  if (significant.length > scale) return { refuse: "places" };
  const scaled = BigInt(int + significant.padEnd(scale, "0")) * (neg ? -1n : 1n);
  if (scaled > LIMIT_MAX || scaled < LIMIT_MIN) return { refuse: "range" };
  return { scaled };
}

function asBigInt(v: SqlValue): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  throw new Error(`${String(v)} (${typeof v}) is not an exact integer`);
}

function refusal(fn: () => unknown): LedgerpaneError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof LedgerpaneError) return e;
    throw e;
  }
}

/** Every column of the registry stored as a scaled integer, by kind. */
const SCALED_COLUMNS: ColumnDef[] = [
  ...new Map(
    TABLES.flatMap((t) => t.columns)
      .filter((c) => SCALE[c.kind] !== undefined)
      .map((c) => [c.kind, c] as const),
  ).values(),
];

describe("codec: exact or refused (property)", () => {
  it("toScaled gives exactly the shifted digits, or refuses (too many places, past the column limit); fromScaled gives the value back", () => {
    fc.assert(
      fc.property(
        fc.oneof(decimalText(8, 4), decimalText(19, 8), decimalText(25, 12)),
        fc.integer({ min: 0, max: 10 }),
        (text, scale) => {
          const want = expectedScaled(text, scale);
          const error = refusal(() => toScaled(dec(text), scale, "t.c"));
          if ("refuse" in want) {
            expect(
              error,
              `${text} at scale ${scale} must be refused (${want.refuse}), not stored`,
            ).toBeDefined();
            expect(error!.code).toBe("input");
            expect(error!.message).toContain("t.c");
            return;
          }
          expect(error, `${text} at scale ${scale}`).toBeUndefined();
          const scaled = toScaled(dec(text), scale, "t.c");
          expect(asBigInt(scaled), `${text} at scale ${scale}`).toBe(want.scaled);
          expect(fromScaled(scaled, scale).eq(dec(text))).toBe(true);
          expect(fromScaled(want.scaled, scale).eq(dec(text))).toBe(true);
        },
      ),
      propertyParams(seed, 2_000),
    );
  });

  it("the ends of the column limit at every scale: the last value in is kept, the first one out refused", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (scale, neg, back) => {
          const end = neg ? LIMIT_MIN : LIMIT_MAX;
          const step = neg ? 1n : -1n;
          const inside = end + step * BigInt(back);
          const outside = end - step * BigInt(back + 1);
          const text = (n: bigint) => {
            const s = (n < 0n ? -n : n).toString().padStart(scale + 1, "0");
            const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
            return `${n < 0n ? "-" : ""}${body}`;
          };
          expect(asBigInt(toScaled(dec(text(inside)), scale, "t.c"))).toBe(inside);
          expect(refusal(() => toScaled(dec(text(outside)), scale, "t.c"))?.code).toBe("input");
        },
      ),
      propertyParams(seed, 500),
    );
  });

  it("fromScaled refuses a JS number that is not an exact integer (a float that may have lost digits)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .double({ noNaN: true, noDefaultInfinity: true })
            .filter((x) => !Number.isSafeInteger(x) && x !== 0),
          fc.constantFrom(2 ** 53, -(2 ** 53), 0.1, 1e300, Infinity),
        ),
        fc.constantFrom(2, 5),
        (x, scale) => {
          expect(refusal(() => fromScaled(x, scale))?.code, String(x)).toBe("database");
        },
      ),
      propertyParams(seed, 500),
    );
  });

  it("every scaled column kind: encode → SQLite → decode gives the value back, or encode refuses", () => {
    const db = new Database(SQL, new SQL.Database());
    // An INTEGER column, as the engine's tables have: sql.js binds large JS numbers as doubles and
    // the column's affinity makes them integers again.
    db.exec(`CREATE TABLE "t" ("v" INTEGER)`);
    try {
      fc.assert(
        fc.property(
          fc.constantFrom(...SCALED_COLUMNS),
          fc.oneof(decimalText(3, 2), decimalText(12, 5), decimalText(20, 6)),
          (col, text) => {
            const scale = SCALE[col.kind]!;
            const value = dec(text);
            const error = refusal(() => encodeValue(col, value, "t"));
            const want = expectedScaled(text, scale);
            if (error) {
              // A column may hold less than 64 bits allow (item 3's limits), never more.
              expect(error.code).toBe("input");
              expect(error.message).toContain(`t.${col.name}`);
              const ordinary = "scaled" in want && value.abs().lte(100);
              expect(ordinary, `${text} refused for ${col.kind} column ${col.name}: ${error.message}`).toBe(
                false,
              );
              return;
            }
            expect("scaled" in want, `${text} accepted for ${col.kind} column ${col.name}`).toBe(true);
            const encoded = encodeValue(col, value, "t");
            db.run(`DELETE FROM "t"`);
            db.run(`INSERT INTO "t" ("v") VALUES (?)`, [encoded]);
            const [[stored]] = db.all(`SELECT "v" FROM "t"`) as [[SqlValue]];
            expect(asBigInt(stored)).toBe((want as { scaled: bigint }).scaled);
            const back = decodeValue(col, stored);
            expect((back as ReturnType<typeof dec>).eq(value), `${text} through ${col.kind}`).toBe(true);
          },
        ),
        propertyParams(seed, 1_500),
      );
    } finally {
      db.close();
    }
  });
});
