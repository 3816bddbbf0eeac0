import type { NoSeriesRow } from "../../db/schema/rows.generated.js";
import { compareNos, endsInNumber, sameShape } from "../../setup/noText.js";
import type { RuleContext, TableRule } from "./types.js";

/**
 * A number series must be able to count: Starting No. ends in a number; Ending No. and Warning No. are
 * numbers of the same range (same prefix and length) not before it, the warning not after the end;
 * Increment-by No. is at least 1.
 */
function numbersCanCount(c: RuleContext<NoSeriesRow>): void {
  const { startingNo, endingNo, warningNo, lastNoUsed } = c.row;
  if (startingNo === "") {
    c.error("startingNo", "Starting No. must have a value.");
  } else if (!endsInNumber(startingNo)) {
    c.error("startingNo", `Starting No. '${startingNo}' must end in a number.`);
  } else {
    for (const [field, caption, value] of [
      ["endingNo", "Ending No.", endingNo],
      ["warningNo", "Warning No.", warningNo],
    ] as const) {
      if (value === "") continue;
      if (!sameShape(value, startingNo))
        c.error(
          field,
          `${caption} '${value}' must have the same prefix and length as Starting No. '${startingNo}'.`,
        );
      else if (compareNos(value, startingNo) < 0)
        c.error(field, `${caption} '${value}' must not be less than Starting No. '${startingNo}'.`);
    }
    if (
      endingNo !== "" &&
      warningNo !== "" &&
      sameShape(warningNo, endingNo) &&
      compareNos(warningNo, endingNo) > 0
    )
      c.error("warningNo", `Warning No. '${warningNo}' must not be greater than Ending No. '${endingNo}'.`);
  }
  if (lastNoUsed !== "" && !endsInNumber(lastNoUsed))
    c.error("lastNoUsed", `Last No. Used '${lastNoUsed}' must end in a number.`);
}

function incrementAtLeastOne(c: RuleContext<NoSeriesRow>): void {
  if (c.row.incrementByNo < 1)
    c.error("incrementByNo", `Increment-by No. must be at least 1, not ${c.row.incrementByNo}.`);
}

export const noSeriesRules: TableRule<NoSeriesRow>[] = [numbersCanCount, incrementAtLeastOne];
