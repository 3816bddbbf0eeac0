import type { Database } from "../db/database.js";
import type { Repo } from "../db/repo.js";
import type { IsoDate } from "../kernel/dates.js";

/** What every command receives: the open company and the date that stands in for "today". */
export interface Ctx {
  db: Database;
  repo: Repo;
  workDate: IsoDate;
  /** Non-blocking notices (credit limit, overdue balance) collected while a command runs. */
  warnings: string[];
}
