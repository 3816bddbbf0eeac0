import { LedgerpaneError } from "../../engine/kernel/errors.js";

/** The LedgerpaneError `fn` throws; any other outcome fails the test. */
export function caught(fn: () => unknown): LedgerpaneError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerpaneError) return e;
    throw e;
  }
  throw new Error("expected a LedgerpaneError");
}
