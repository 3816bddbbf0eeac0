import { describe, expect, it } from "vitest";
import {
  invoiceDiscountBase,
  invoiceDiscountPerGroup,
  spreadInvoiceDiscount,
  type DiscountableLine,
} from "../../../engine/calc/invoiceDiscount.js";
import { calcVatAmountLines, vatGroupKey, type VatInputLine } from "../../../engine/calc/vatAmountLines.js";
import { dec, ZERO } from "../../../engine/kernel/decimal.js";

function line(lineNo: number, id: "VAT21" | "VAT10", amount: string, allowInvoiceDisc = true): VatInputLine {
  return {
    lineNo,
    vatIdentifier: id,
    vatCalculationType: "Normal VAT",
    taxGroupCode: "",
    vatPct: dec(id === "VAT21" ? "21" : "10"),
    lineAmount: dec(amount),
    invDiscountAmount: ZERO,
    allowInvoiceDisc,
    vatDifference: ZERO,
    quantity: dec(1),
  };
}

const groupsOf = (lines: VatInputLine[], inclVat = false) =>
  calcVatAmountLines(lines, inclVat, ZERO, "Nearest");

function discountsById(lines: VatInputLine[], pct: string, perVatId: boolean): Record<string, string> {
  const groups = groupsOf(lines);
  const perGroup = invoiceDiscountPerGroup(groups, dec(pct), perVatId);
  return Object.fromEntries(groups.map((g) => [g.vatIdentifier, perGroup.get(g.key)!.toFixed(2)]));
}

describe("invoice discount per VAT group (spec 5.3 step 4)", () => {
  // Spec scenario S5: line 1 = 3 × 33.33 = 99.99 (VAT21), line 2 = 7 × 15.55 = 108.85 (VAT10), 5 %.
  const s5 = [line(10000, "VAT21", "99.99"), line(20000, "VAT10", "108.85")];

  it("S5: groups in identifier order, VAT10's remainder carried to VAT21 → 5.44 and 5.00", () => {
    // VAT10: 5.4425 → 5.44 (rem 0.0025); VAT21: 4.9995 + 0.0025 = 5.002 → 5.00
    const groups = groupsOf(s5);
    expect(groups.map((g) => g.vatIdentifier)).toEqual(["VAT10", "VAT21"]);
    expect(discountsById(s5, "5", false)).toEqual({ VAT10: "5.44", VAT21: "5.00" });
  });

  it("the carried remainder makes the total Round(base × %): 10.10 + 10.10 at 5 % → 0.51 + 0.50", () => {
    const lines = [line(10000, "VAT21", "10.10"), line(20000, "VAT10", "10.10")];
    // VAT10: 0.505 → 0.51 (rem −0.005); VAT21: 0.505 − 0.005 = 0.500 → 0.50; total 1.01 = Round(20.20 × 5 %)
    expect(discountsById(lines, "5", false)).toEqual({ VAT10: "0.51", VAT21: "0.50" });
  });

  it("Calc. Inv. Disc. per VAT ID rounds each group on its own: 0.51 + 0.51", () => {
    const lines = [line(10000, "VAT21", "10.10"), line(20000, "VAT10", "10.10")];
    expect(discountsById(lines, "5", true)).toEqual({ VAT10: "0.51", VAT21: "0.51" });
  });

  it("only lines that allow invoice discount are in the base", () => {
    const lines = [
      line(10000, "VAT21", "100.00"),
      line(20000, "VAT21", "50.00", false),
      line(30000, "VAT10", "40.00", false),
    ];
    const groups = groupsOf(lines);
    expect(groups.map((g) => [g.vatIdentifier, g.invDiscBaseAmount.toFixed(2)])).toEqual([
      ["VAT10", "0.00"],
      ["VAT21", "100.00"],
    ]);
    expect(discountsById(lines, "10", false)).toEqual({ VAT10: "0.00", VAT21: "10.00" });
  });

  it("a 0 % discount gives nothing", () => {
    expect(discountsById(s5, "0", false)).toEqual({ VAT10: "0.00", VAT21: "0.00" });
  });
});

describe("invoice discount base (spec 5.3 step 1)", () => {
  it("is the sum of the groups' bases excl. VAT", () => {
    expect(
      invoiceDiscountBase(groupsOf([line(1, "VAT21", "99.99"), line(2, "VAT10", "108.85")]), false).toFixed(
        2,
      ),
    ).toBe("208.84");
  });

  it("converts each group with Round(base / (1 + VAT %)) when prices include VAT", () => {
    const lines = [line(1, "VAT21", "121.00"), line(2, "VAT10", "110.00"), line(3, "VAT21", "10.00")];
    // VAT21: Round(131.00 / 1.21 = 108.2644…) = 108.26; VAT10: Round(110 / 1.1) = 100.00
    expect(invoiceDiscountBase(groupsOf(lines, true), true).toFixed(2)).toBe("208.26");
  });
});

describe("spread of a group's invoice discount to its lines (spec 4.3 step 3)", () => {
  it("runs a remainder in line order and adds up to the group discount", () => {
    const lines = [line(30000, "VAT21", "10"), line(10000, "VAT21", "10"), line(20000, "VAT21", "10")];
    const groups = groupsOf(lines);
    const disc = new Map([[groups[0]!.key, dec("1.00")]]);
    const discountable: DiscountableLine[] = lines.map((l) => ({
      lineNo: l.lineNo,
      groupKey: vatGroupKey(l),
      lineAmount: l.lineAmount,
      allowInvoiceDisc: l.allowInvoiceDisc,
    }));
    const out = spreadInvoiceDiscount(discountable, groups, disc);
    expect([10000, 20000, 30000].map((n) => out.get(n)!.toFixed(2))).toEqual(["0.33", "0.34", "0.33"]);
  });

  it("gives nothing to lines that do not allow invoice discount", () => {
    const lines = [line(10000, "VAT21", "30"), line(20000, "VAT21", "70", false), line(30000, "VAT21", "70")];
    const groups = groupsOf(lines);
    const disc = new Map([[groups[0]!.key, dec("10.00")]]);
    const out = spreadInvoiceDiscount(
      lines.map((l) => ({
        lineNo: l.lineNo,
        groupKey: vatGroupKey(l),
        lineAmount: l.lineAmount,
        allowInvoiceDisc: l.allowInvoiceDisc,
      })),
      groups,
      disc,
    );
    // base = 100 (lines 1 and 3): 3.00 and 7.00
    expect([10000, 20000, 30000].map((n) => out.get(n)!.toFixed(2))).toEqual(["3.00", "0.00", "7.00"]);
  });

  it("S5 end to end: discount per group, spread, then VAT of the discounted lines", () => {
    const lines = [line(10000, "VAT21", "99.99"), line(20000, "VAT10", "108.85")];
    const groups = groupsOf(lines);
    const perGroup = invoiceDiscountPerGroup(groups, dec(5), false);
    const perLine = spreadInvoiceDiscount(
      lines.map((l) => ({
        lineNo: l.lineNo,
        groupKey: vatGroupKey(l),
        lineAmount: l.lineAmount,
        allowInvoiceDisc: l.allowInvoiceDisc,
      })),
      groups,
      perGroup,
    );
    expect(perLine.get(10000)!.toFixed(2)).toBe("5.00");
    expect(perLine.get(20000)!.toFixed(2)).toBe("5.44");
    const discounted = lines.map((l) => ({ ...l, invDiscountAmount: perLine.get(l.lineNo)! }));
    const after = groupsOf(discounted);
    // spec S5: header Amount 198.40, Amount Including VAT 228.69
    const amount = after.reduce((a, g) => a.plus(g.vatBase), ZERO);
    const aiv = after.reduce((a, g) => a.plus(g.amountIncludingVat), ZERO);
    expect(amount.toFixed(2)).toBe("198.40");
    expect(aiv.toFixed(2)).toBe("228.69");
  });
});
