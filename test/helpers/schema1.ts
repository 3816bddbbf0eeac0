import { sql as initialSql } from "../../engine/db/migrations/0001-initial.js";

/**
 * SQL that turns a current database back into what schema 1 stored: no register chain columns, no
 * reconciliation accounts, the register trigger of 0001, version 1. Books made by the first release.
 */
export function toSchema1Sql(): string {
  const trigger = /CREATE TRIGGER "glRegister_append_only_update"[^\n]*/.exec(initialSql)![0];
  return `DROP TRIGGER "glRegister_append_only_update"; DROP TABLE "reconciliationAccount";
     ALTER TABLE "glRegister" DROP COLUMN "hash";
     ALTER TABLE "glRegister" DROP COLUMN "toCustLedgerEntryNo";
     ALTER TABLE "glRegister" DROP COLUMN "toDetailedCustLedgEntryNo";
     ALTER TABLE "glRegister" DROP COLUMN "toItemLedgerEntryNo";
     ALTER TABLE "glRegister" DROP COLUMN "toValueEntryNo";
     ALTER TABLE "glRegister" DROP COLUMN "toItemApplicationEntryNo";
     ${trigger}
     PRAGMA user_version = 1;`;
}
