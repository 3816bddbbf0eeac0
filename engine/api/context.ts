import type { Database } from "../db/database.js";
import type { Repo } from "../db/repo.js";
import type { IsoDate } from "../kernel/dates.js";
import type { ErrorDetail } from "../kernel/errors.js";

/** What every command receives: the open company and the date that stands in for "today". */
export interface Ctx {
  db: Database;
  repo: Repo;
  workDate: IsoDate;
  /** Non-blocking notices (credit limit, overdue balance, stock-out) collected while a command runs. */
  warnings: string[];
  /**
   * The same notices tied to what they concern (document, line, field), so a host can mark the cell;
   * one entry for each warning that has such a place.
   */
  warningDetails: ErrorDetail[];
}
