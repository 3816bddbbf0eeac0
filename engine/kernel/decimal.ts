import Decimal from "decimal.js";

// One configuration for the whole engine: enough digits that intermediate products of
// quantities, prices and percentages never lose precision before the spec's rounding points.
export const D = Decimal.clone({
  precision: 50,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof D>;

export const ZERO: Dec = new D(0);
export const ONE: Dec = new D(1);
export const HUNDRED: Dec = new D(100);

export type DecimalInput = Dec | string | number | bigint;

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function isDecimalText(value: string): boolean {
  return NUMERIC.test(value.trim());
}

/** Build a decimal from a value that has already been validated; JS numbers only as integers or literals. */
export function dec(value: DecimalInput): Dec {
  if (value instanceof D) return value;
  if (typeof value === "bigint") return new D(value.toString());
  return new D(value);
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Fixed notation with at least `minDecimals` places, no exponent, trailing zeros beyond that trimmed. */
export function formatDecimal(value: Dec, minDecimals = 0): string {
  const fixed = value.toFixed();
  if (minDecimals === 0) return fixed;
  const dot = fixed.indexOf(".");
  const decimals = dot < 0 ? 0 : fixed.length - dot - 1;
  if (decimals >= minDecimals) return fixed;
  return value.toFixed(minDecimals);
}
