// Writes migration 0001 from the table registry. Run it only while 0001 has never been released;
// after a release the schema changes through new numbered migrations, never by rewriting this one.
import { writeFileSync } from "node:fs";
import { fullSchemaSql } from "../engine/db/ddl.js";
import { TABLES } from "../engine/db/schema/index.js";

const sql = fullSchemaSql(TABLES);
const header =
  "// Migration 1: the initial schema. Written by scripts/write-initial-migration.ts, then frozen.\n";
const body = `${header}export const sql = String.raw\`\n${sql}\n\`;\n`;
writeFileSync(new URL("../engine/db/migrations/0001-initial.ts", import.meta.url), body);
console.log(`wrote ${sql.length} characters`);
