import type Decimal from "decimal.js";
import { D, dec, type Dec, type DecimalInput } from "./decimal.js";

export type RoundingDirection = "Nearest" | "Up" | "Down";

export const AMOUNT_PRECISION = dec("0.01");
export const UNIT_AMOUNT_PRECISION = dec("0.00001");

const MODE: Record<RoundingDirection, Decimal.Rounding> = {
  // AL Round(x, p): '=' nearest with ties away from zero, '>' away from zero, '<' toward zero.
  Nearest: D.ROUND_HALF_UP,
  Up: D.ROUND_UP,
  Down: D.ROUND_DOWN,
};

/** AL's Round(x, precision, direction). */
export function round(
  x: Dec,
  precision: DecimalInput = AMOUNT_PRECISION,
  direction: RoundingDirection = "Nearest",
): Dec {
  const p = dec(precision);
  if (p.isZero()) return x;
  return x.div(p).toDecimalPlaces(0, MODE[direction]).times(p);
}

export function roundAmount(x: Dec, direction: RoundingDirection = "Nearest"): Dec {
  return round(x, AMOUNT_PRECISION, direction);
}

export function roundUnitAmount(x: Dec): Dec {
  return round(x, UNIT_AMOUNT_PRECISION);
}

/** Running-remainder rounding: the caller keeps `remainder` between calls so a total rounds once. */
export class RemainderRounder {
  private remainder: Dec = dec(0);
  constructor(
    private readonly precision: DecimalInput = AMOUNT_PRECISION,
    private readonly direction: RoundingDirection = "Nearest",
  ) {}
  next(exact: Dec): Dec {
    const withRem = this.remainder.plus(exact);
    const rounded = round(withRem, this.precision, this.direction);
    this.remainder = withRem.minus(rounded);
    return rounded;
  }
}
