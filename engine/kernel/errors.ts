/**
 * Every failure the engine reports is a LedgerpaneError: a stable code for programs, a message for
 * people, and details that tie each problem to a table/document, line and field so the add-in can
 * mark the cell that caused it.
 */
export type ErrorCode =
  | "input" // the command's shape: unknown command or field, wrong type, bad number or date
  | "validation" // business rules on a record or document (may carry many details)
  | "not_found" // a referenced record does not exist
  | "posting" // posting checks and posting-time failures
  | "database" // not a Ledgerpane database, newer schema, corrupt bytes
  | "internal"; // a bug: an invariant the engine guarantees did not hold

export interface ErrorDetail {
  message: string;
  table?: string;
  documentType?: string;
  documentNo?: string;
  lineNo?: number;
  field?: string;
  key?: Record<string, string>;
}

export class LedgerpaneError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = "LedgerpaneError";
    this.code = code;
    this.details = details.length > 0 ? details : [{ message }];
  }

  /** One error carrying every detail collected, so a user sees all problems at once. */
  static fromDetails(code: ErrorCode, details: ErrorDetail[]): LedgerpaneError {
    const message = details.map((d) => d.message).join("\n");
    return new LedgerpaneError(code, message, details);
  }
}

export function fail(code: ErrorCode, message: string, detail: Omit<ErrorDetail, "message"> = {}): never {
  throw new LedgerpaneError(code, message, [{ message, ...detail }]);
}

/** Collects errors during a check so all of them are reported together. */
export class ErrorCollector {
  readonly details: ErrorDetail[] = [];
  add(message: string, detail: Omit<ErrorDetail, "message"> = {}): void {
    this.details.push({ message, ...detail });
  }
  get isEmpty(): boolean {
    return this.details.length === 0;
  }
  throwIfAny(code: ErrorCode): void {
    if (this.details.length > 0) throw LedgerpaneError.fromDetails(code, this.details);
  }
}
