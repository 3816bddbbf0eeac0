/**
 * The scenario runner: runs the acceptance language of shared/spec/scenario-format.md against a fresh
 * engine per file. Pure TypeScript (no Node, no DOM): files come through an injected loader.
 */
export type * from "./types.js";
export {
  loadScenario,
  loadScenarioObject,
  parseScenarioFile,
  parseStep,
  effectiveWorkDate,
  ScenarioFormatError,
} from "./parse.js";
export { normalizePath, resolvePath, dirname } from "./paths.js";
export { substitute, substituteString, valueAtPath, SubstitutionError } from "./substitute.js";
export { asDecimal, sameValue, compareRow, matchRows, maxMatching } from "./compare.js";
export {
  checkLedgerInvariants,
  checkBalancedTransactions,
  checkReceivables,
  checkInventory,
  checkItemQuantities,
  LedgerSnapshot,
  appendOnlyTables,
  type InvariantName,
  type InvariantViolation,
} from "./invariants.js";
export { compareWithPreview, PARITY_TABLES } from "./parity.js";
export {
  entryTables,
  markEntries,
  entriesSince,
  postedEntries,
  formatEntries,
  renderTable,
} from "./trainer.js";
export { runScenarioFile, runLoadedScenario, briefJson, type RunOptions } from "./runner.js";
export {
  formatDiff,
  formatStep,
  formatFile,
  formatFailures,
  formatSummary,
  type FormatOptions,
} from "./format.js";
