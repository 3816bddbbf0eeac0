import type { Repo } from "../db/repo.js";
import { compareDates, type IsoDate } from "../kernel/dates.js";
import { fail, type ErrorDetail } from "../kernel/errors.js";
import { getGlSetup } from "./setupTables.js";

export const POSTING_DATE_MISSING = "Posting Date must have a value.";
export const POSTING_DATE_NOT_ALLOWED = "Posting Date is not within your range of allowed posting dates.";

/**
 * Spec 7.8: the posting date must lie within General Ledger Setup "Allow Posting From".."Allow Posting
 * To" (a blank bound is open). Returns the message when the date is refused, null when it is fine.
 * `_detail` is accepted so callers can pass the same context to this and to `assertPostingDate`.
 */
export function checkPostingDate(
  repo: Repo,
  date: IsoDate | null,
  _detail?: Omit<ErrorDetail, "message">,
): string | null {
  if (date === null || date === "") return POSTING_DATE_MISSING;
  const gl = getGlSetup(repo);
  if (gl.allowPostingFrom !== null && compareDates(date, gl.allowPostingFrom) < 0)
    return POSTING_DATE_NOT_ALLOWED;
  if (gl.allowPostingTo !== null && compareDates(date, gl.allowPostingTo) > 0)
    return POSTING_DATE_NOT_ALLOWED;
  return null;
}

/** As `checkPostingDate`, but throws LedgerpaneError("posting") with `detail` (field defaults to postingDate). */
export function assertPostingDate(
  repo: Repo,
  date: IsoDate | null,
  detail: Omit<ErrorDetail, "message"> = {},
): void {
  const message = checkPostingDate(repo, date, detail);
  if (message !== null) fail("posting", message, { field: "postingDate", ...detail });
}
