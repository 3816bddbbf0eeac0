// Migration 2: the G/L register hash chain and the accounts used in reconciled roles. Frozen.
import type { Database } from "../database.js";
import { sealExistingRegisters } from "../registerChain.js";

export const sql = String.raw`
ALTER TABLE "glRegister" ADD COLUMN "toCustLedgerEntryNo" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "glRegister" ADD COLUMN "toDetailedCustLedgEntryNo" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "glRegister" ADD COLUMN "toItemLedgerEntryNo" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "glRegister" ADD COLUMN "toValueEntryNo" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "glRegister" ADD COLUMN "toItemApplicationEntryNo" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "glRegister" ADD COLUMN "hash" TEXT NOT NULL DEFAULT '';
DROP TRIGGER "glRegister_append_only_update";
CREATE TABLE "reconciliationAccount" (
  "role" TEXT NOT NULL DEFAULT '',
  "glAccountNo" TEXT NOT NULL DEFAULT '',
  PRIMARY KEY ("role", "glAccountNo")
);
`;

/** Existing registers get their marks and hashes while the new columns can still be written. */
export function fill(db: Database): void {
  sealExistingRegisters(db, null);
}

// The accounts of the set-up as it is now are all that is known of the roles used before.
export const sqlAfter = String.raw`
CREATE TRIGGER "glRegister_append_only_update" BEFORE UPDATE OF "no", "fromEntryNo", "toEntryNo", "fromVatEntryNo", "toVatEntryNo", "creationDate", "sourceCode", "journalBatchName", "toCustLedgerEntryNo", "toDetailedCustLedgEntryNo", "toItemLedgerEntryNo", "toValueEntryNo", "toItemApplicationEntryNo", "hash" ON "glRegister" BEGIN SELECT RAISE(ABORT, 'glRegister is append-only: posted values cannot change'); END;
CREATE TRIGGER "reconciliationAccount_append_only_delete" BEFORE DELETE ON "reconciliationAccount" BEGIN SELECT RAISE(ABORT, 'reconciliationAccount is append-only: rows cannot be deleted'); END;
CREATE TRIGGER "reconciliationAccount_append_only_update" BEFORE UPDATE OF "role", "glAccountNo" ON "reconciliationAccount" BEGIN SELECT RAISE(ABORT, 'reconciliationAccount is append-only: posted values cannot change'); END;
INSERT OR IGNORE INTO "reconciliationAccount" ("role", "glAccountNo")
  SELECT 'RECEIVABLES', "receivablesAccount" FROM "customerPostingGroup" WHERE "receivablesAccount" <> ''
  UNION SELECT 'INVENTORY', "inventoryAccount" FROM "inventoryPostingSetup" WHERE "inventoryAccount" <> ''
  UNION SELECT 'INVENTORY INTERIM', "inventoryAccountInterim" FROM "inventoryPostingSetup" WHERE "inventoryAccountInterim" <> '';
`;
