/**
 * SQLite's SUM() raises "integer overflow" past 2^63, and ledgers are append-only: one overflowing sum
 * over a ledger would break every later read of it. A stored value is below 10^14 in scaled units
 * (`MAX_SCALED` in codec.ts), so summing its quotient and remainder by 10^7 separately cannot overflow
 * for fewer than ~9·10^11 rows. The two parts are joined in SQL while the total fits in 64 bits (so
 * comparisons in SQL still work) and passed on as exact text `hi:lo` when it does not.
 */
const SPLIT = 10_000_000;
const HI_LIMIT = 922_337_203_684; // (2^63 − 1) div 10^7, less one for the remainder's carry

/** A scalar SQL expression: the exact sum of `expr` over `from` rows matching `where`. */
export function exactSumSql(expr: string, from: string, where: string): string {
  return (
    `(SELECT CASE WHEN s.h BETWEEN -${HI_LIMIT} AND ${HI_LIMIT} THEN s.h * ${SPLIT} + s.l ELSE s.h || ':' || s.l END` +
    ` FROM (SELECT COALESCE(SUM((${expr}) / ${SPLIT}), 0) AS h, COALESCE(SUM((${expr}) % ${SPLIT}), 0) AS l` +
    ` FROM ${from} WHERE ${where}) s)`
  );
}

/** The integer an `exactSumSql` text result stands for, or null if the text is not one. */
export function parseExactSum(text: string): bigint | null {
  const m = /^(-?\d+):(-?\d+)$/.exec(text);
  if (!m) return null;
  return BigInt(m[1]!) * BigInt(SPLIT) + BigInt(m[2]!);
}

/**
 * The same exact sum as an aggregate expression, for GROUP BY queries and select lists. SQLite computes
 * each distinct aggregate once, so the repeated `SUM(...)` terms cost one pass each.
 */
export function exactSumExpr(expr: string): string {
  const h = `SUM((${expr}) / ${SPLIT})`;
  const l = `SUM((${expr}) % ${SPLIT})`;
  return `(CASE WHEN ${h} BETWEEN -${HI_LIMIT} AND ${HI_LIMIT} THEN ${h} * ${SPLIT} + ${l} ELSE ${h} || ':' || ${l} END)`;
}
