import { D, type Dec, formatDecimal } from "../../kernel/decimal.js";
import { fieldCaption } from "../../setup/captions.js";
import type { RuleContext } from "./types.js";

/** Reusable field checks. Each returns a rule over the listed fields; the value is read from the merged row. */

function decimalOf(row: object, field: string): Dec | undefined {
  const v = (row as Record<string, unknown>)[field];
  return v instanceof D ? v : undefined;
}

/** Percentages: 0 ≤ value ≤ 100. */
export function percent<R extends object>(...fields: (keyof R & string)[]) {
  return (c: RuleContext<R>): void => {
    for (const f of fields) {
      const v = decimalOf(c.row, f);
      if (v && (v.isNegative() || v.greaterThan(100)))
        c.error(f, `${fieldCaption(f)} must be between 0 and 100, not ${formatDecimal(v)}.`);
    }
  };
}

/** Amounts and prices that Business Central keeps at 0 or more (MinValue = 0). */
export function notNegative<R extends object>(...fields: (keyof R & string)[]) {
  return (c: RuleContext<R>): void => {
    for (const f of fields) {
      const v = decimalOf(c.row, f);
      if (v && v.isNegative() && !v.isZero())
        c.error(f, `${fieldCaption(f)} must be 0 or more, not ${formatDecimal(v)}.`);
    }
  };
}

/** Values that must be strictly positive (rounding precisions). */
export function positive<R extends object>(...fields: (keyof R & string)[]) {
  return (c: RuleContext<R>): void => {
    for (const f of fields) {
      const v = decimalOf(c.row, f);
      if (v && !v.greaterThan(0))
        c.error(f, `${fieldCaption(f)} must be greater than 0, not ${formatDecimal(v)}.`);
    }
  };
}
