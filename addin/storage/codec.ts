import { fromBase64, toBase64 } from "./base64.js";
import { gunzip, gzip } from "./gzip.js";
import { sha256Hex } from "./sha256.js";

/**
 * About 768 KiB of base64 per custom XML part: one part per request keeps every request far below
 * Excel's 5 MB limit, and a failed request costs at most one chunk.
 */
export const CHUNK_CHARS = 768 * 1024;

export interface EncodedDatabase {
  chunks: string[];
  /** SHA-256 of the uncompressed database bytes. */
  sha256: string;
  size: number;
  gzipSize: number;
  schemaVersion: number;
}

/** A stored copy that cannot be used, and why. `newer` is never a reason to fall back. */
export class StoredCopyError extends Error {
  constructor(
    readonly kind: "missing" | "checksum" | "integrity" | "foreign" | "newer",
    message: string,
  ) {
    super(message);
    this.name = "StoredCopyError";
  }
}

export async function encodeDatabase(
  bytes: Uint8Array,
  schemaVersion: number,
  chunkChars = CHUNK_CHARS,
): Promise<EncodedDatabase> {
  const packed = await gzip(bytes);
  const text = toBase64(packed);
  const size = Math.max(4, chunkChars - (chunkChars % 4));
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  if (chunks.length === 0) chunks.push("");
  return {
    chunks,
    sha256: await sha256Hex(bytes),
    size: bytes.length,
    gzipSize: packed.length,
    schemaVersion,
  };
}

export async function decodeDatabase(
  chunks: readonly string[],
  expect: { sha256: string; size: number },
): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await gunzip(fromBase64(chunks.join("")));
  } catch (e) {
    throw new StoredCopyError("checksum", `the stored data cannot be unpacked (${(e as Error).message})`);
  }
  if (bytes.length !== expect.size)
    throw new StoredCopyError("checksum", `it holds ${bytes.length} bytes where ${expect.size} were saved`);
  const actual = await sha256Hex(bytes);
  if (actual !== expect.sha256)
    throw new StoredCopyError("checksum", "its SHA-256 checksum does not match what was saved");
  return bytes;
}
