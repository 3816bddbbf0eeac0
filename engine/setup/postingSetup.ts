import type { Repo } from "../db/repo.js";
import { tableDef } from "../db/schema/index.js";
import type {
  CustomerPostingGroupRow,
  GeneralPostingSetupRow,
  GlAccountRow,
  InventoryPostingSetupRow,
  VatPostingSetupRow,
} from "../db/schema/rows.generated.js";
import { LedgerpaneError, type ErrorDetail } from "../kernel/errors.js";
import { fieldCaption, TABLE_CAPTIONS, tableCaption } from "./captions.js";

/**
 * Look-ups of the posting set-up that posting code runs against, with Business Central's messages when
 * a row is missing or blocked, and `requireAccount` for the "must have a value" check on an account.
 */
export type At = Omit<ErrorDetail, "message">;

function postingError(message: string, table: string, key: Record<string, string>, at?: At): never {
  throw new LedgerpaneError("posting", message, [{ message, ...(at ?? { table, key }) }]);
}

/** `Gen. Bus. Posting Group='DOMESTIC',Gen. Prod. Posting Group='RETAIL'` (BC's identification text). */
function identification(key: Record<string, string>): string {
  return Object.entries(key)
    .map(([field, value]) => `${fieldCaption(field)}='${value}'`)
    .join(",");
}

function notFound(table: string, key: Record<string, string>, at?: At): never {
  return postingError(
    `The ${tableCaption(table)} does not exist. Identification fields and values: ${identification(key)}`,
    table,
    key,
    at,
  );
}

function blocked(table: string, key: Record<string, string>, at?: At): never {
  return postingError(`The ${tableCaption(table)} ${identification(key)} is blocked.`, table, key, at);
}

export function getGeneralPostingSetup(
  repo: Repo,
  genBus: string,
  genProd: string,
  at?: At,
): GeneralPostingSetupRow {
  const key = { genBusPostingGroup: genBus, genProdPostingGroup: genProd };
  const row = repo.get("generalPostingSetup", genBus, genProd);
  if (!row) return notFound("generalPostingSetup", key, at);
  if (row.blocked) return blocked("generalPostingSetup", key, at);
  return row;
}

export function getVatPostingSetup(repo: Repo, vatBus: string, vatProd: string, at?: At): VatPostingSetupRow {
  const key = { vatBusPostingGroup: vatBus, vatProdPostingGroup: vatProd };
  const row = repo.get("vatPostingSetup", vatBus, vatProd);
  if (!row) return notFound("vatPostingSetup", key, at);
  if (row.blocked) return blocked("vatPostingSetup", key, at);
  return row;
}

export function getInventoryPostingSetup(
  repo: Repo,
  locationCode: string,
  invtPostingGroup: string,
  at?: At,
): InventoryPostingSetupRow {
  const key = { locationCode, invtPostingGroupCode: invtPostingGroup };
  const row = repo.get("inventoryPostingSetup", locationCode, invtPostingGroup);
  if (!row) return notFound("inventoryPostingSetup", key, at);
  return row;
}

export function getCustomerPostingGroup(repo: Repo, code: string, at?: At): CustomerPostingGroupRow {
  const row = repo.get("customerPostingGroup", code);
  if (!row) return notFound("customerPostingGroup", { code }, at);
  return row;
}

/**
 * The key of a set-up row as TestField prints it: `Gen. Bus. Posting Group=DOMESTIC, Gen. Prod. Posting
 * Group=RETAIL`; pass it as `keyText` to `requireAccount`.
 */
export function keyText(table: string, row: object): string {
  const def = tableDef(table);
  if (!def) return "";
  const r = row as Record<string, unknown>;
  const values = def.key.map((k) => String(r[k] ?? ""));
  // Posting asks for the same few set-up keys for every line; the text only matters in an error.
  const memoKey = `${table}\u0001${values.join("\u0001")}`;
  let text = keyTexts.get(memoKey);
  if (text === undefined) {
    text = def.key.map((k, i) => `${fieldCaption(k)}=${values[i]}`).join(", ");
    if (keyTexts.size > 10_000) keyTexts.clear();
    keyTexts.set(memoKey, text);
  }
  return text;
}

const keyTexts = new Map<string, string>();

const TABLE_BY_CAPTION = new Map(Object.entries(TABLE_CAPTIONS).map(([name, caption]) => [caption, name]));

/**
 * The account number in `row[field]`, or a posting error in TestField's words:
 * `Sales Account must have a value in General Posting Setup: Gen. Bus. Posting Group=DOMESTIC, Gen. Prod.
 * Posting Group=RETAIL. It cannot be zero or empty.` With `repo`, the account must also exist, not be
 * blocked and be a posting account (see `checkGlAccount`).
 */
export function requireAccount<T>(
  row: T,
  field: keyof T & string,
  tableCaptionText: string,
  keyTextValue: string,
  repo?: Repo,
): string {
  const value = row[field];
  const no = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  if (no === "") {
    const message = `${fieldCaption(field)} must have a value in ${tableCaptionText}: ${keyTextValue}. It cannot be zero or empty.`;
    const table = TABLE_BY_CAPTION.get(tableCaptionText);
    throw new LedgerpaneError("posting", message, [{ message, field, ...(table ? { table } : {}) }]);
  }
  if (repo) checkGlAccount(repo, no);
  return no;
}

/**
 * Refuses a G/L account that cannot take a posting: `G/L Account 6110 does not exist.`, `G/L Account 6110
 * is blocked.`, or (GenJnlPostLine's TestField) `Account Type must be equal to 'Posting' in G/L Account:
 * No.=6000. Current value is 'Heading'.`
 */
export function checkGlAccount(repo: Repo, accountNo: string, at?: At): GlAccountRow {
  const key = { no: accountNo };
  const account = repo.get("glAccount", accountNo);
  if (!account) return postingError(`G/L Account ${accountNo} does not exist.`, "glAccount", key, at);
  if (account.blocked) return postingError(`G/L Account ${accountNo} is blocked.`, "glAccount", key, at);
  if (account.accountType !== "Posting")
    return postingError(
      `Account Type must be equal to 'Posting' in G/L Account: No.=${accountNo}. Current value is '${account.accountType}'.`,
      "glAccount",
      key,
      at,
    );
  return account;
}
