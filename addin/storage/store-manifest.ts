/**
 * The small custom XML part that says which copy of the database is current. It is rewritten in one
 * request after the new copy's chunks are all written: that single write is the commit point.
 */
export const MANIFEST_NAMESPACE = "urn:ledgerpane:database-manifest";
export const CHUNK_NAMESPACE = "urn:ledgerpane:database-chunk";
/** The layout of these parts; a workbook with a higher number came from a newer Ledgerpane. */
export const STORE_FORMAT = 1;

export type SlotName = "A" | "B";
export const otherSlot = (s: SlotName): SlotName => (s === "A" ? "B" : "A");

export interface SlotInfo {
  generation: number;
  size: number;
  gzipSize: number;
  sha256: string;
  schemaVersion: number;
  savedAt: string;
  /** Custom XML part ids of the chunks, in order. */
  parts: string[];
}

export interface StoreManifest {
  format: number;
  generation: number;
  active: SlotName;
  slots: Partial<Record<SlotName, SlotInfo>>;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export function manifestXml(m: StoreManifest): string {
  const slots = (["A", "B"] as const)
    .filter((n) => m.slots[n])
    .map((n) => {
      const s = m.slots[n]!;
      return (
        `<slot name="${n}" generation="${s.generation}" size="${s.size}" gzipSize="${s.gzipSize}"` +
        ` sha256="${s.sha256}" schemaVersion="${s.schemaVersion}" savedAt="${esc(s.savedAt)}"` +
        ` parts="${esc(s.parts.join(" "))}"/>`
      );
    })
    .join("");
  return (
    `<ledgerpaneDatabase xmlns="${MANIFEST_NAMESPACE}" format="${m.format}" generation="${m.generation}"` +
    ` active="${m.active}">${slots}</ledgerpaneDatabase>`
  );
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z][\w:.-]*)="([^"]*)"/g)) out[m[1]!] = unesc(m[2]!);
  return out;
}

function int(v: string | undefined, what: string): number {
  if (v === undefined || !/^\d+$/.test(v)) throw new Error(`The database manifest has no valid ${what}.`);
  return Number(v);
}

export function parseManifest(xml: string): StoreManifest {
  const root = /<ledgerpaneDatabase\b[^>]*>/.exec(xml);
  if (!root) throw new Error("The database manifest part is not readable.");
  const a = attrs(root[0]);
  const format = int(a.format, "format");
  const manifest: StoreManifest = {
    format,
    generation: format > STORE_FORMAT ? 0 : int(a.generation, "generation"),
    active: a.active === "B" ? "B" : "A",
    slots: {},
  };
  if (format > STORE_FORMAT) return manifest;
  for (const m of xml.matchAll(/<slot\b[^>]*\/>/g)) {
    const s = attrs(m[0]);
    const name = s.name === "A" || s.name === "B" ? s.name : undefined;
    if (!name) continue;
    manifest.slots[name] = {
      generation: int(s.generation, "slot generation"),
      size: int(s.size, "slot size"),
      gzipSize: int(s.gzipSize, "slot gzip size"),
      sha256: s.sha256 ?? "",
      schemaVersion: int(s.schemaVersion, "schema version"),
      savedAt: s.savedAt ?? "",
      parts: (s.parts ?? "").split(" ").filter(Boolean),
    };
  }
  return manifest;
}

export function chunkXml(slot: SlotName, generation: number, index: number, count: number, data: string) {
  return (
    `<chunk xmlns="${CHUNK_NAMESPACE}" slot="${slot}" generation="${generation}" index="${index}"` +
    ` of="${count}">${data}</chunk>`
  );
}

export function parseChunk(xml: string): {
  slot: string;
  generation: number;
  index: number;
  of: number;
  data: string;
} | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<chunk\b([^>]*)>([A-Za-z0-9+/=\s]*)<\/chunk>\s*$/.exec(xml);
  if (!m) return null;
  const a = attrs(m[1]!);
  return {
    slot: a.slot ?? "",
    generation: Number(a.generation ?? -1),
    index: Number(a.index ?? -1),
    of: Number(a.of ?? -1),
    data: m[2]!.replace(/\s+/g, ""),
  };
}
