import type { Row } from "../../db/codec.js";
import type { Repo } from "../../db/repo.js";

/**
 * What a table rule sees: the row as it will be stored (stored values, then schema defaults for a new
 * row, overlaid with the fields given), the stored row before this upsert, and a way to report a
 * problem on one field. Rules may normalise `row` (for example default a field from another); whatever
 * they leave in `row` is written.
 */
export interface RuleContext<R = Row> {
  table: string;
  row: R;
  /** The stored row before this upsert; undefined for a new row. */
  before: R | undefined;
  /** Fields given in the upsert (after parsing). */
  given: ReadonlySet<string>;
  repo: Repo;
  /** Reports a problem with one field; the message is prefixed with the table and key of the row. */
  error(field: string, message: string): void;
}

export type TableRule<R = Row> = (c: RuleContext<R>) => void;
