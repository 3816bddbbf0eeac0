import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex, sha256Text } from "../../../engine/db/sha256.js";

describe("sha256", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(sha256Text("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Text("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("matches Node's SHA-256 for every length around the block boundaries and for UTF-8 text", () => {
    const bytes = new Uint8Array(300);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
    for (let n = 0; n <= bytes.length; n++) {
      const part = bytes.subarray(0, n);
      expect(sha256Hex(part), `length ${n}`).toBe(createHash("sha256").update(part).digest("hex"));
    }
    const text = "Straße 10 · 東京 · 💶 1.234,56";
    expect(sha256Text(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});
