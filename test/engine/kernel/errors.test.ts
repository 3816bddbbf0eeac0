import { describe, expect, it } from "vitest";
import { ErrorCollector, fail, LedgerpaneError } from "../../../engine/kernel/errors.js";

describe("LedgerpaneError", () => {
  it("is an Error with a code, a message and at least one detail", () => {
    const e = new LedgerpaneError("posting", "Nothing to post.");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("LedgerpaneError");
    expect(e.code).toBe("posting");
    expect(e.message).toBe("Nothing to post.");
    expect(e.details).toEqual([{ message: "Nothing to post." }]);
  });

  it("fromDetails joins every detail's message, one per line, and keeps the details", () => {
    const details = [
      { message: "Quantity must not be 0.", lineNo: 10000, field: "quantity" },
      { message: "The Item does not exist.", lineNo: 20000, field: "no" },
      { message: "Posting Date is not within your range of allowed posting dates.", field: "postingDate" },
    ];
    const e = LedgerpaneError.fromDetails("validation", details);
    expect(e.code).toBe("validation");
    expect(e.message).toBe(
      "Quantity must not be 0.\nThe Item does not exist.\nPosting Date is not within your range of allowed posting dates.",
    );
    expect(e.details).toEqual(details);
  });

  it("fail throws one error whose single detail carries the location", () => {
    let caught: unknown;
    try {
      fail("not_found", "The Customer does not exist.", { table: "customer", key: { no: "C99" } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LedgerpaneError);
    const e = caught as LedgerpaneError;
    expect(e.code).toBe("not_found");
    expect(e.details).toEqual([
      { message: "The Customer does not exist.", table: "customer", key: { no: "C99" } },
    ]);
  });
});

describe("ErrorCollector", () => {
  it("collects every problem and throws them together", () => {
    const c = new ErrorCollector();
    expect(c.isEmpty).toBe(true);
    c.add("first", { lineNo: 10000, field: "quantity" });
    c.add("second", { lineNo: 20000 });
    c.add("third");
    expect(c.isEmpty).toBe(false);
    expect(c.details).toHaveLength(3);
    let caught: unknown;
    try {
      c.throwIfAny("validation");
    } catch (e) {
      caught = e;
    }
    const e = caught as LedgerpaneError;
    expect(e).toBeInstanceOf(LedgerpaneError);
    expect(e.code).toBe("validation");
    expect(e.message).toBe("first\nsecond\nthird");
    expect(e.details).toEqual([
      { message: "first", lineNo: 10000, field: "quantity" },
      { message: "second", lineNo: 20000 },
      { message: "third" },
    ]);
  });

  it("does not throw when nothing was collected", () => {
    expect(() => new ErrorCollector().throwIfAny("validation")).not.toThrow();
  });
});
