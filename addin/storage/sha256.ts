import { sha256Hex as sha256Sync } from "../../engine/db/sha256.js";

/**
 * SHA-256 as lowercase hex. WebCrypto exists only in secure contexts (https, localhost); a page
 * served over plain http from another host has no `crypto.subtle`, so the engine's own FIPS 180-4
 * implementation (the one the register hash chain uses) stands in there.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Sync(bytes);
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The digest without WebCrypto, as bytes (what the page uses over plain http). */
export function sha256Fallback(bytes: Uint8Array): Uint8Array {
  const hex = sha256Sync(bytes);
  return Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
}
