import { describe, expect, it } from "vitest";
import {
  calcVatAmountLines,
  spreadVatToLines,
  vatGroupKey,
  type VatCalculationType,
  type VatInputLine,
} from "../../../engine/calc/vatAmountLines.js";
import { dec, ZERO, type Dec } from "../../../engine/kernel/decimal.js";
import type { RoundingDirection } from "../../../engine/kernel/rounding.js";

interface L {
  lineNo: number;
  id?: string;
  pct?: string;
  amount: string;
  invDisc?: string;
  allowInvDisc?: boolean;
  type?: VatCalculationType;
}

function input(l: L): VatInputLine {
  return {
    lineNo: l.lineNo,
    vatIdentifier: l.id ?? "VAT21",
    vatCalculationType: l.type ?? "Normal VAT",
    taxGroupCode: "",
    vatPct: dec(l.pct ?? (l.id === "VAT10" ? "10" : "21")),
    lineAmount: dec(l.amount),
    invDiscountAmount: dec(l.invDisc ?? "0"),
    allowInvoiceDisc: l.allowInvDisc ?? true,
    vatDifference: ZERO,
    quantity: dec(1),
  };
}

function calc(lines: L[], inclVat = false, vbd = "0", dir: RoundingDirection = "Nearest") {
  const inputs = lines.map(input);
  const groups = calcVatAmountLines(inputs, inclVat, dec(vbd), dir);
  const spread = spreadVatToLines(inputs, groups, inclVat, dec(vbd), dir);
  return { inputs, groups, spread };
}

const f2 = (d: Dec) => d.toFixed(2);

describe("VAT amount lines, prices excluding VAT (spec 4.3 step 2)", () => {
  it("sums each identifier and rounds its VAT once", () => {
    const { groups } = calc([
      { lineNo: 10000, amount: "10.01" },
      { lineNo: 20000, amount: "99.99", id: "VAT10" },
      { lineNo: 30000, amount: "10.01" },
      { lineNo: 40000, amount: "10.01" },
    ]);
    expect(
      groups.map((g) => [
        g.vatIdentifier,
        f2(g.lineAmount),
        f2(g.vatBase),
        f2(g.vatAmount),
        f2(g.amountIncludingVat),
      ]),
    ).toEqual([
      ["VAT10", "99.99", "99.99", "10.00", "109.99"], // 9.999 → 10.00
      ["VAT21", "30.03", "30.03", "6.31", "36.34"], // 6.3063 → 6.31
    ]);
  });

  it("takes the invoice discount off the VAT base and applies VAT base discount and rounding direction", () => {
    const { groups } = calc([{ lineNo: 10000, amount: "100", invDisc: "5" }], false, "2", "Up");
    // base 95.00; VAT = Round(95 × 21 % × 0.98 = 19.551, Up) = 19.56
    expect([f2(groups[0]!.vatBase), f2(groups[0]!.vatAmount), f2(groups[0]!.amountIncludingVat)]).toEqual([
      "95.00",
      "19.56",
      "114.56",
    ]);
  });

  it("keeps negative lines in their own group (Positive is part of the key)", () => {
    const a = input({ lineNo: 1, amount: "-1" });
    const b = input({ lineNo: 2, amount: "1" });
    expect(vatGroupKey(a)).not.toBe(vatGroupKey(b));
    const { groups } = calc([
      { lineNo: 10000, amount: "20" },
      { lineNo: 20000, amount: "-5" },
    ]);
    expect(groups.map((g) => [g.positive, f2(g.lineAmount)])).toEqual([
      [false, "-5.00"],
      [true, "20.00"],
    ]);
  });

  it("carries a negative group's rounding remainder into the positive group of the same identifier", () => {
    // Spec 4.3 step 2: negative group −0.05 × 21 % = −0.0105 → −0.01, remainder −0.0005;
    // positive group 2.50 × 21 % = 0.525 − 0.0005 = 0.5245 → 0.52. Together 0.51 = Round(2.45 × 21 %).
    const { groups } = calc([
      { lineNo: 10000, amount: "2.50" },
      { lineNo: 20000, amount: "-0.05" },
    ]);
    expect(groups.map((g) => [g.positive, f2(g.vatAmount)])).toEqual([
      [false, "-0.01"],
      [true, "0.52"],
    ]);
  });
});

describe("VAT amount lines, prices including VAT (spec 4.3 step 2)", () => {
  it("derives VAT from the amount including VAT and the base as the rest", () => {
    const { groups } = calc(
      [
        { lineNo: 10000, amount: "10" },
        { lineNo: 20000, amount: "10" },
        { lineNo: 30000, amount: "10" },
        { lineNo: 40000, amount: "11", id: "VAT10" },
      ],
      true,
    );
    // VAT21: 30.00 / 1.21 = 24.7933… → VAT Round(5.2066…) = 5.21, base 24.79
    // VAT10: 11.00 / 1.10 = 10 → VAT 1.00, base 10.00
    expect(
      groups.map((g) => [g.vatIdentifier, f2(g.vatBase), f2(g.vatAmount), f2(g.amountIncludingVat)]),
    ).toEqual([
      ["VAT10", "10.00", "1.00", "11.00"],
      ["VAT21", "24.79", "5.21", "30.00"],
    ]);
  });
});

describe("spread of VAT amount lines back to the lines (spec 4.3 step 3)", () => {
  it("excl. VAT: running remainder per group, in line order", () => {
    const { spread } = calc([
      { lineNo: 30000, amount: "10.01" },
      { lineNo: 10000, amount: "10.01" },
      { lineNo: 20000, amount: "10.01" },
    ]);
    // group VAT 6.31 → exact 2.10333… per line: 2.10 (+0.00333), 2.11 (−0.00333), 2.10
    expect([10000, 20000, 30000].map((n) => f2(spread.get(n)!.amountIncludingVat))).toEqual([
      "12.11",
      "12.12",
      "12.11",
    ]);
    expect([10000, 20000, 30000].map((n) => f2(spread.get(n)!.amount))).toEqual(["10.01", "10.01", "10.01"]);
  });

  it("incl. VAT: Amount = Round(AIV) − Round(VAT), with remainders for both", () => {
    const { spread } = calc(
      [
        { lineNo: 10000, amount: "10" },
        { lineNo: 20000, amount: "10" },
        { lineNo: 30000, amount: "10" },
      ],
      true,
    );
    // group VAT 5.21 → 1.7366… per line: 1.74, 1.73, 1.74
    expect([10000, 20000, 30000].map((n) => f2(spread.get(n)!.amount))).toEqual(["8.26", "8.27", "8.26"]);
    expect([10000, 20000, 30000].map((n) => f2(spread.get(n)!.amountIncludingVat))).toEqual([
      "10.00",
      "10.00",
      "10.00",
    ]);
  });

  it("spreads the invoice-discounted amounts (S5 after a 5 % invoice discount)", () => {
    const { groups, spread } = calc([
      { lineNo: 10000, amount: "99.99", invDisc: "5.00" },
      { lineNo: 20000, amount: "108.85", invDisc: "5.44", id: "VAT10" },
    ]);
    expect(groups.map((g) => [g.vatIdentifier, f2(g.vatBase), f2(g.vatAmount)])).toEqual([
      ["VAT10", "103.41", "10.34"],
      ["VAT21", "94.99", "19.95"],
    ]);
    expect(f2(spread.get(10000)!.amount)).toBe("94.99");
    expect(f2(spread.get(10000)!.amountIncludingVat)).toBe("114.94");
    expect(f2(spread.get(20000)!.amount)).toBe("103.41");
    expect(f2(spread.get(20000)!.amountIncludingVat)).toBe("113.75");
  });

  // Lines always add up to their group's totals (spec 4.3 step 4), whatever the amounts.
  const documents: [name: string, lines: L[], inclVat: boolean][] = [
    [
      "seven thirds excl. VAT",
      Array.from({ length: 7 }, (_, i) => ({ lineNo: (i + 1) * 10000, amount: "3.33" })),
      false,
    ],
    [
      "mixed identifiers excl. VAT",
      [
        { lineNo: 10000, amount: "0.05" },
        { lineNo: 20000, amount: "19.99", id: "VAT10" },
        { lineNo: 30000, amount: "7.77" },
        { lineNo: 40000, amount: "0.01", id: "VAT10" },
        { lineNo: 50000, amount: "123.45", invDisc: "6.17" },
        { lineNo: 60000, amount: "0.99" },
      ],
      false,
    ],
    [
      "mixed identifiers incl. VAT",
      [
        { lineNo: 10000, amount: "0.05" },
        { lineNo: 20000, amount: "19.99", id: "VAT10" },
        { lineNo: 30000, amount: "7.77" },
        { lineNo: 40000, amount: "0.01", id: "VAT10" },
        { lineNo: 50000, amount: "123.45", invDisc: "6.17" },
        { lineNo: 60000, amount: "0.99" },
      ],
      true,
    ],
    [
      "eleven small lines incl. VAT",
      Array.from({ length: 11 }, (_, i) => ({ lineNo: (i + 1) * 10000, amount: `${i + 1}.01` })),
      true,
    ],
  ];
  it.each(documents)(
    "%s: Σ line Amount = group VAT base, Σ line AIV = group AIV",
    (_name, lines, inclVat) => {
      const { inputs, groups, spread } = calc(lines, inclVat);
      for (const g of groups) {
        const members = inputs.filter((l) => vatGroupKey(l) === g.key).map((l) => spread.get(l.lineNo)!);
        const amount = members.reduce((a, m) => a.plus(m.amount), ZERO);
        const aiv = members.reduce((a, m) => a.plus(m.amountIncludingVat), ZERO);
        expect(f2(amount)).toBe(f2(g.vatBase));
        expect(f2(aiv)).toBe(f2(g.amountIncludingVat));
        expect(f2(aiv.minus(amount))).toBe(f2(g.vatAmount));
        for (const m of members) {
          expect(m.amount.times(100).isInteger()).toBe(true);
          expect(m.amountIncludingVat.times(100).isInteger()).toBe(true);
        }
      }
    },
  );
});
