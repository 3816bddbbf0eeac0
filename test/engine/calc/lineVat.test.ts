import { describe, expect, it } from "vitest";
import { lineVatAmounts, NO_OTHER_LINES, type OtherLinesTotals } from "../../../engine/calc/lineVat.js";
import type { VatCalculationType } from "../../../engine/calc/vatAmountLines.js";
import { dec, ZERO, type Dec } from "../../../engine/kernel/decimal.js";
import type { RoundingDirection } from "../../../engine/kernel/rounding.js";

interface Entered {
  lineAmount: string;
  invDiscountAmount?: string;
  vatPct?: string;
  type?: VatCalculationType;
}

interface Result {
  amount: string;
  vatBaseAmount: string;
  amountIncludingVat: string;
}

/**
 * Enters lines one after another into one VAT group as a user would (spec 4.2): each line is given
 * the totals of the lines entered before it.
 */
function enter(
  lines: Entered[],
  pricesIncludingVat: boolean,
  vbd = "0",
  direction: RoundingDirection = "Nearest",
): Result[] {
  let others: OtherLinesTotals = { ...NO_OTHER_LINES };
  return lines.map((l) => {
    const input = {
      lineAmount: dec(l.lineAmount),
      invDiscountAmount: dec(l.invDiscountAmount ?? "0"),
      vatPct: dec(l.vatPct ?? "21"),
      vatCalculationType: l.type ?? ("Normal VAT" as const),
    };
    const r = lineVatAmounts(input, others, pricesIncludingVat, dec(vbd), direction);
    if (!input.vatPct.isZero()) {
      others = {
        lineAmount: others.lineAmount.plus(input.lineAmount),
        invDiscountAmount: others.invDiscountAmount.plus(input.invDiscountAmount),
        amount: others.amount.plus(r.amount),
        amountIncludingVat: others.amountIncludingVat.plus(r.amountIncludingVat),
        vatDifference: ZERO,
      };
    }
    return {
      amount: r.amount.toFixed(2),
      vatBaseAmount: r.vatBaseAmount.toFixed(2),
      amountIncludingVat: r.amountIncludingVat.toFixed(2),
    };
  });
}

const sum = (values: string[]): Dec => values.reduce((a, v) => a.plus(v), dec(0));

describe("lineVatAmounts, prices excluding VAT (spec 4.2)", () => {
  it("gives each line what keeps the group total Round(Σ Amount × VAT %)", () => {
    // 10.01 × 21 % = 2.1021 → 2.10; 20.02 → 4.2042 → 4.20; 30.03 → 6.3063 → 6.31
    const r = enter([{ lineAmount: "10.01" }, { lineAmount: "10.01" }, { lineAmount: "10.01" }], false);
    expect(r).toEqual([
      { amount: "10.01", vatBaseAmount: "10.01", amountIncludingVat: "12.11" },
      { amount: "10.01", vatBaseAmount: "10.01", amountIncludingVat: "12.11" },
      { amount: "10.01", vatBaseAmount: "10.01", amountIncludingVat: "12.12" },
    ]);
    expect(sum(r.map((x) => x.amountIncludingVat)).toFixed(2)).toBe("36.34"); // 30.03 + 6.31
  });

  const single: [entered: Entered, vbd: string, dir: RoundingDirection, expected: Result][] = [
    [
      { lineAmount: "1000" },
      "0",
      "Nearest",
      { amount: "1000.00", vatBaseAmount: "1000.00", amountIncludingVat: "1210.00" },
    ],
    [
      { lineAmount: "100", invDiscountAmount: "5" },
      "0",
      "Nearest",
      { amount: "95.00", vatBaseAmount: "95.00", amountIncludingVat: "114.95" },
    ],
    // VAT base discount 2 %: VAT = Round(100 × 0.98 × 21 %) = 20.58
    [
      { lineAmount: "100" },
      "2",
      "Nearest",
      { amount: "100.00", vatBaseAmount: "98.00", amountIncludingVat: "120.58" },
    ],
    [
      { lineAmount: "10.01" },
      "0",
      "Up",
      { amount: "10.01", vatBaseAmount: "10.01", amountIncludingVat: "12.12" },
    ],
    [
      { lineAmount: "10.09", vatPct: "10" },
      "0",
      "Down",
      { amount: "10.09", vatBaseAmount: "10.09", amountIncludingVat: "11.09" },
    ],
    [
      { lineAmount: "55.55", vatPct: "0" },
      "0",
      "Nearest",
      { amount: "55.55", vatBaseAmount: "55.55", amountIncludingVat: "55.55" },
    ],
    // Full VAT: the whole line is VAT
    [
      { lineAmount: "21", type: "Full VAT" },
      "0",
      "Nearest",
      { amount: "0.00", vatBaseAmount: "0.00", amountIncludingVat: "21.00" },
    ],
    // fully discounted line: all three are 0
    [
      { lineAmount: "50", invDiscountAmount: "50" },
      "0",
      "Nearest",
      { amount: "0.00", vatBaseAmount: "0.00", amountIncludingVat: "0.00" },
    ],
  ];
  it.each(single)("single line %j (VBD %s %%, %s) → %j", (entered, vbd, dir, expected) => {
    expect(enter([entered], false, vbd, dir)[0]).toEqual(expected);
  });

  it("a VAT 0 % line ignores the other lines of the group", () => {
    const others: OtherLinesTotals = {
      lineAmount: dec("10.01"),
      invDiscountAmount: ZERO,
      amount: dec("10.01"),
      amountIncludingVat: dec("12.11"),
      vatDifference: ZERO,
    };
    const r = lineVatAmounts(
      { lineAmount: dec("5"), invDiscountAmount: ZERO, vatPct: ZERO, vatCalculationType: "Normal VAT" },
      others,
      false,
      ZERO,
      "Nearest",
    );
    expect(r.amountIncludingVat.toFixed(2)).toBe("5.00");
  });
});

describe("lineVatAmounts, prices including VAT (spec 4.2)", () => {
  it("gives each line the difference of the rounded cumulative amount", () => {
    // Round(10/1.21)=8.26; Round(20/1.21)=16.53 → 8.27; Round(30/1.21)=24.79 → 8.26
    const r = enter([{ lineAmount: "10" }, { lineAmount: "10" }, { lineAmount: "10" }], true);
    expect(r.map((x) => x.amount)).toEqual(["8.26", "8.27", "8.26"]);
    expect(r.map((x) => x.amountIncludingVat)).toEqual(["10.00", "10.00", "10.00"]);
    expect(sum(r.map((x) => x.amount)).toFixed(2)).toBe("24.79");
  });

  it("takes the invoice discount out of the amount including VAT", () => {
    // 121.00 − 12.10 = 108.90 incl. VAT → 90.00 excl.
    const r = enter([{ lineAmount: "121", invDiscountAmount: "12.10" }], true);
    expect(r[0]).toEqual({ amount: "90.00", vatBaseAmount: "90.00", amountIncludingVat: "108.90" });
  });

  it("Full VAT and fully discounted lines", () => {
    expect(enter([{ lineAmount: "21", type: "Full VAT" }], true)[0]).toEqual({
      amount: "0.00",
      vatBaseAmount: "0.00",
      amountIncludingVat: "21.00",
    });
    expect(enter([{ lineAmount: "12.10", invDiscountAmount: "12.10" }], true)[0]).toEqual({
      amount: "0.00",
      vatBaseAmount: "0.00",
      amountIncludingVat: "0.00",
    });
  });
});
