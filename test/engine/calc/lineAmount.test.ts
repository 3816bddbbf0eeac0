import { describe, expect, it } from "vitest";
import {
  lineAmountToHandle,
  lineDiscountAndAmount,
  lineDiscountToHandle,
  prorate,
  type PricedLine,
} from "../../../engine/calc/lineAmount.js";
import { dec } from "../../../engine/kernel/decimal.js";

/**
 * Spec 4.1: Line Discount Amount = Round(Round(Qty × Price) × LD% / 100); Line Amount = Round(Qty × Price) − LDA.
 */
describe("lineDiscountAndAmount (spec 4.1)", () => {
  const cases: [qty: string, price: string, pct: string, lda: string, lineAmount: string][] = [
    ["10", "100", "0", "0.00", "1000.00"],
    ["3", "33.33", "5", "5.00", "94.99"], // 99.99 × 5 % = 4.9995 → 5.00
    ["10", "33.33", "5", "16.67", "316.63"], // 333.30 × 5 % = 16.665 → 16.67 (tie away from zero)
    ["7", "15.55", "0", "0.00", "108.85"],
    ["10", "33.33", "18", "59.99", "273.31"], // 59.994 → 59.99
    ["3", "0.335", "0", "0.00", "1.01"], // 1.005 → 1.01: the gross is rounded before the discount
    ["3", "0.335", "50", "0.51", "0.50"], // Round(1.01 × 50 %) = Round(0.505) = 0.51
    ["1.5", "19.99999", "10", "3.00", "27.00"], // 29.999985 → 30.00; 3.00
    ["10", "100", "100", "1000.00", "0.00"],
    ["-2", "12.345", "10", "-2.47", "-22.22"], // -24.69; -2.469 → -2.47 (credit lines mirror)
    ["0", "100", "10", "0.00", "0.00"],
  ];
  it.each(cases)("%s × %s at %s %% → LDA %s, Line Amount %s", (qty, price, pct, lda, la) => {
    const r = lineDiscountAndAmount(dec(qty), dec(price), dec(pct));
    expect(r.lineDiscountAmount.toFixed(2)).toBe(lda);
    expect(r.lineAmount.toFixed(2)).toBe(la);
    // the two always add up to the rounded gross
    expect(r.lineAmount.plus(r.lineDiscountAmount).toFixed(2)).toBe(
      dec(qty).times(price).toDecimalPlaces(2).toFixed(2),
    );
  });
});

function line(qty: string, price: string, pct: string): PricedLine {
  const { lineDiscountAmount } = lineDiscountAndAmount(dec(qty), dec(price), dec(pct));
  return { quantity: dec(qty), unitPrice: dec(price), lineDiscountPct: dec(pct), lineDiscountAmount };
}

/**
 * Spec 7.3: LineAmountToHandle(q) = a − d with a = Round(q × Price); d = LDA when q = Quantity, else
 * Round(a × LD% / 100). A part other than the whole line is rounded afresh.
 */
describe("lineAmountToHandle (spec 7.3)", () => {
  const cases: [qty: string, price: string, pct: string, q: string, expected: string][] = [
    ["10", "33.33", "5", "10", "316.63"], // the whole line uses the line's own LDA
    ["10", "33.33", "5", "3", "94.99"], // 99.99 − Round(4.9995)=5.00
    ["10", "33.33", "5", "7", "221.64"], // 233.31 − Round(11.6655)=11.67
    ["10", "33.33", "18", "3", "81.99"], // 99.99 − Round(17.9982)=18.00
    ["10", "33.33", "18", "7", "191.31"], // 233.31 − Round(41.9958)=42.00
    ["10", "33.33", "18", "10", "273.31"],
    ["10", "100", "0", "4", "400.00"],
    ["10", "100", "100", "4", "0.00"],
    ["10", "100", "100", "10", "0.00"],
    ["2", "1.005", "0", "1", "1.01"], // Round(1.005) per part
    ["10", "33.33", "5", "0", "0.00"],
  ];
  it.each(cases)("%s × %s at %s %%, handling %s → %s", (qty, price, pct, q, expected) => {
    expect(lineAmountToHandle(line(qty, price, pct), dec(q)).toFixed(2)).toBe(expected);
  });

  it("handling 3 then 7 of 10 × 33.33 at 5 % adds up to the line amount", () => {
    const l = line("10", "33.33", "5");
    const parts = lineAmountToHandle(l, dec(3)).plus(lineAmountToHandle(l, dec(7)));
    expect(parts.toFixed(2)).toBe("316.63");
  });

  it("handling 3 then 7 of 10 × 33.33 at 18 % is a cent short of the line amount (the partial-cent effect)", () => {
    const l = line("10", "33.33", "18");
    const whole = lineAmountToHandle(l, dec(10));
    const parts = lineAmountToHandle(l, dec(3)).plus(lineAmountToHandle(l, dec(7)));
    expect(whole.toFixed(2)).toBe("273.31");
    expect(parts.toFixed(2)).toBe("273.30");
  });

  it("handling 1 then 1 of 2 × 1.005 is a cent more than the line (gross rounded per part)", () => {
    const l = line("2", "1.005", "0");
    expect(lineAmountToHandle(l, dec(2)).toFixed(2)).toBe("2.01");
    expect(lineAmountToHandle(l, dec(1)).times(2).toFixed(2)).toBe("2.02");
  });
});

describe("lineDiscountToHandle and prorate (spec 7.3)", () => {
  const cases: [qty: string, price: string, pct: string, q: string, expected: string][] = [
    ["10", "33.33", "18", "10", "59.99"],
    ["10", "33.33", "18", "3", "18.00"], // Round(59.99 × 3 / 10 = 17.997)
    ["10", "33.33", "18", "7", "41.99"], // Round(41.993)
    ["10", "33.33", "5", "3", "5.00"], // Round(16.67 × 0.3 = 5.001)
    ["10", "100", "0", "3", "0.00"],
  ];
  it.each(cases)("%s × %s at %s %%: discount of %s is %s", (qty, price, pct, q, expected) => {
    expect(lineDiscountToHandle(line(qty, price, pct), dec(q)).toFixed(2)).toBe(expected);
  });

  it("Inv. Discount Amount of a part is Round(InvDisc × q / Quantity)", () => {
    expect(prorate(dec("5.44"), dec(3), dec(7)).toFixed(2)).toBe("2.33"); // 2.3314…
    expect(prorate(dec("5.44"), dec(4), dec(7)).toFixed(2)).toBe("3.11"); // 3.1085…
    expect(prorate(dec("0.05"), dec(1), dec(2)).toFixed(2)).toBe("0.03"); // 0.025 → 0.03
    expect(prorate(dec("-0.05"), dec(1), dec(2)).toFixed(2)).toBe("-0.03");
    expect(prorate(dec("5.44"), dec(7), dec(7)).toFixed(2)).toBe("5.44");
    expect(prorate(dec("5.44"), dec(1), dec(0)).toFixed(2)).toBe("0.00");
  });
});
