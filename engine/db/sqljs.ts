import initSqlJs, { type SqlJsStatic } from "sql.js";

let cached: Promise<SqlJsStatic> | undefined;

/** Loads sql.js once. Hosts that serve the wasm themselves (the add-in) pass `locateFile`. */
export function loadSqlJs(options?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic> {
  cached ??= initSqlJs(options);
  return cached;
}
