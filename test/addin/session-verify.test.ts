import { describe, expect, it } from "vitest";
import type { CommandRequest, EngineApi } from "../../addin/engine-host/protocol.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { Session } from "../../addin/session/session.js";

/** Issue 6, item 7 (the pane's side): Verify books runs the engine's verifyBooks and shows its answer. */
function stubEngine(answer: unknown, sent: CommandRequest[]): EngineApi {
  const no = () => Promise.reject(new Error("not used"));
  return {
    create: no,
    open: no,
    encode: no,
    schemaVersion: () => Promise.resolve(1),
    close: () => Promise.resolve(),
    dispatch: (commands) => {
      sent.push(...commands);
      return Promise.resolve({ responses: [answer as never], changed: false });
    },
  };
}

describe("Verify books", () => {
  it("reports intact books with their register and entry counts", async () => {
    const sent: CommandRequest[] = [];
    const session = new Session(
      new MemoryGateway(),
      stubEngine({ ok: true, result: { ok: true, registers: 12, entries: 240, problems: [] } }, sent),
      "standalone",
    );
    await session.verifyBooks();
    expect(sent).toEqual([{ do: "verifyBooks", with: {} }]);
    expect(session.state.verification).toMatchObject({ ok: true, registers: 12, entries: 240, problems: [] });
    expect(session.state.message).toMatchObject({ kind: "success" });
    expect(session.state.message?.text).toMatch(/12 G\/L register\(s\) and 240 entries/);
  });

  it("names the first register that does not match and keeps every problem", async () => {
    const problems = [
      { message: "Receivables 2310 differ from the customer ledger by 10.00." },
      { registerNo: 7, message: "G/L register 7: the hash of its entries does not match." },
      { registerNo: 9, message: "G/L register 9: the previous hash does not match register 8." },
    ];
    const session = new Session(
      new MemoryGateway(),
      stubEngine({ ok: true, result: { ok: false, registers: 12, entries: 240, problems } }, []),
      "standalone",
    );
    await session.verifyBooks();
    expect(session.state.verification?.problems).toEqual(problems);
    expect(session.state.message).toMatchObject({ kind: "error" });
    expect(session.state.message?.text).toMatch(/3 problem\(s\), first in G\/L register 7/);
  });

  it("says so when the engine refuses the command", async () => {
    const session = new Session(
      new MemoryGateway(),
      stubEngine(
        { ok: false, error: { code: "input", message: "Unknown command 'verifyBooks'.", details: [] } },
        [],
      ),
      "standalone",
    );
    await session.verifyBooks();
    expect(session.state.verification).toBeNull();
    expect(session.state.message).toMatchObject({ kind: "error", text: "Unknown command 'verifyBooks'." });
  });
});
