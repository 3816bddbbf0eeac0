// Prints vitest's JSON report as one plain closing line: "N passed, M failed[, K skipped]".
import { readFileSync } from "node:fs";

interface Report {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
}

const file = process.argv[2] ?? "";
const report = JSON.parse(readFileSync(file, "utf8")) as Report;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const line = `${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`;
console.log(line);
if (report.numTotalTests === 0) {
  console.error("no test ran");
  process.exit(1);
}
