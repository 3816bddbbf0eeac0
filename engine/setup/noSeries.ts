import type { Repo } from "../db/repo.js";
import type { NoSeriesRow } from "../db/schema/rows.generated.js";
import { compareDates, type IsoDate } from "../kernel/dates.js";
import { fail } from "../kernel/errors.js";
import { compareNos, incrementNo, MAX_NO_LENGTH } from "./noText.js";

/**
 * Number series (spec 26). A series is one flattened row: Starting No., Ending No., Warning No.,
 * Increment-by No., Last No. Used, Last Date Used, Default/Manual Nos., Date Order. Numbers are
 * allocated by writing Last No. Used through the repo, inside the caller's transaction, so a failed
 * command gives its numbers back.
 */

function getSeries(repo: Repo, seriesCode: string): NoSeriesRow {
  if (seriesCode === "")
    return fail("validation", "You must specify a number series.", { table: "noSeries" });
  const series = repo.get("noSeries", seriesCode);
  if (!series)
    return fail("not_found", `The No. Series '${seriesCode}' does not exist.`, {
      table: "noSeries",
      key: { code: seriesCode },
    });
  return series;
}

function computeNext(series: NoSeriesRow, usageDate: IsoDate | null): string {
  const where = { table: "noSeries", key: { code: series.code } };
  if (
    series.dateOrder &&
    usageDate !== null &&
    series.lastDateUsed !== null &&
    compareDates(usageDate, series.lastDateUsed) < 0
  ) {
    return fail(
      "validation",
      `You cannot assign new numbers from the number series ${series.code} on a date before ${series.lastDateUsed}.`,
      where,
    );
  }
  let next: string;
  if (series.lastNoUsed === "") {
    if (series.startingNo === "")
      return fail("validation", `The number series ${series.code} has no Starting No.`, where);
    next = series.startingNo;
  } else {
    if (series.incrementByNo < 1)
      return fail(
        "validation",
        `Increment-by No. of number series ${series.code} must be at least 1.`,
        where,
      );
    next = incrementNo(series.lastNoUsed, series.incrementByNo);
  }
  if ((series.endingNo !== "" && compareNos(next, series.endingNo) > 0) || next.length > MAX_NO_LENGTH) {
    const on = usageDate !== null ? ` on ${usageDate}` : "";
    const end = series.endingNo !== "" ? ` The series ends at ${series.endingNo}.` : "";
    return fail(
      "validation",
      `You cannot assign new numbers from the number series ${series.code}${on}.${end}`,
      where,
    );
  }
  return next;
}

/** The number the next `getNextNo` would return, without allocating it. */
export function peekNextNo(repo: Repo, seriesCode: string, usageDate: IsoDate | null = null): string {
  return computeNext(getSeries(repo, seriesCode), usageDate);
}

/**
 * Allocates the next number of the series and records it (Last No. Used, and Last Date Used when a
 * usage date is given). The first number is the Starting No.; later ones add Increment-by No. to the
 * numeric part. Reaching the Warning No. adds a warning; passing the Ending No., or a date before the
 * last one used in a Date Order series, is an error.
 */
export function getNextNo(
  repo: Repo,
  seriesCode: string,
  usageDate: IsoDate | null,
  warnings?: string[],
): string {
  if (!repo.db.inTransaction)
    return fail("internal", "Numbers can only be allocated inside the command's transaction.");
  const series = getSeries(repo, seriesCode);
  const next = computeNext(series, usageDate);
  repo.update("noSeries", [series.code], {
    lastNoUsed: next,
    ...(usageDate !== null ? { lastDateUsed: usageDate } : {}),
  });
  if (series.warningNo !== "" && compareNos(next, series.warningNo) >= 0) {
    const end = series.endingNo !== "" ? `; the series ends at ${series.endingNo}` : "";
    warnings?.push(
      `The number series ${series.code} has reached its warning number ${series.warningNo}: ${next} was assigned${end}.`,
    );
  }
  return next;
}

/** Manual Nos.: may a user type a number of their own? A blank series code means no series: yes. */
export function isManualNoAllowed(repo: Repo, seriesCode: string): boolean {
  if (seriesCode === "") return true;
  return getSeries(repo, seriesCode).manualNos;
}

/** Default Nos.: may numbers be assigned automatically from this series? */
export function isDefaultNoAllowed(repo: Repo, seriesCode: string): boolean {
  return getSeries(repo, seriesCode).defaultNos;
}
