import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "../../addin/storage/base64.js";
import { StoredCopyError, decodeDatabase, encodeDatabase } from "../../addin/storage/codec.js";
import { sha256Fallback, sha256Hex } from "../../addin/storage/sha256.js";
import { chunkXml, manifestXml, parseChunk, parseManifest } from "../../addin/storage/store-manifest.js";

function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("storage codec", () => {
  it("encodes base64 exactly as Node does, for every tail length", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 49_153]) {
      const b = bytes(n);
      const text = toBase64(b);
      expect(text).toBe(Buffer.from(b).toString("base64"));
      expect(fromBase64(text)).toEqual(b);
    }
    expect(() => fromBase64("abc")).toThrow(/base64/);
  });

  it("computes SHA-256 with and without WebCrypto", async () => {
    for (const n of [0, 55, 56, 64, 1000]) {
      const b = bytes(n);
      const expected = createHash("sha256").update(b).digest("hex");
      expect(await sha256Hex(b)).toBe(expected);
      expect(Buffer.from(sha256Fallback(b)).toString("hex")).toBe(expected);
    }
  });

  it("packs into chunks of the given size and unpacks to the same bytes", async () => {
    const b = new Uint8Array(randomBytes(300_000));
    const enc = await encodeDatabase(b, 3, 65_536);
    expect(enc.chunks.length).toBeGreaterThan(1);
    for (const c of enc.chunks) expect(c.length).toBeLessThanOrEqual(65_536);
    expect(await decodeDatabase(enc.chunks, enc)).toEqual(b);
  });

  it("refuses chunks that do not match the checksum or size", async () => {
    const enc = await encodeDatabase(bytes(10_000), 1, 4096);
    await expect(decodeDatabase(enc.chunks, { ...enc, sha256: "0".repeat(64) })).rejects.toBeInstanceOf(
      StoredCopyError,
    );
    await expect(decodeDatabase(enc.chunks.slice(1), enc)).rejects.toMatchObject({ kind: "checksum" });
  });

  it("round-trips the manifest and chunk parts", () => {
    const copy = {
      size: 10,
      gzipSize: 8,
      sha256: "ab".repeat(32),
      schemaVersion: 2,
      savedAt: "2025-01-15T10:00:00.000Z",
      saveId: "0123abcd",
    };
    const m = {
      format: 1,
      generation: 4,
      active: "B" as const,
      slots: {
        A: { ...copy, generation: 3, parts: ["{0}"] },
        B: { ...copy, generation: 4, parts: ["{1}", "{2}"] },
      },
    };
    expect(parseManifest(manifestXml(m))).toEqual(m);
    const label = { slot: "A" as const, generation: 3, index: 1, of: 2, copy };
    expect(parseChunk(`<?xml version="1.0"?>${chunkXml(label, "QUJD")}`)).toEqual({
      format: 1,
      ...label,
      data: "QUJD",
    });
  });

  it("reads chunks written before chunks carried their copy's id and checksum", () => {
    const old =
      '<chunk xmlns="urn:ledgerpane:database-chunk" slot="B" generation="2" index="0" of="1">QUJD</chunk>';
    expect(parseChunk(old)).toEqual({
      format: 1,
      slot: "B",
      generation: 2,
      index: 0,
      of: 1,
      copy: null,
      data: "QUJD",
    });
  });
});
