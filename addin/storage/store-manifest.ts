/**
 * The small custom XML part that says which copy of the database is current, and the chunk parts
 * that hold the copies. The manifest is rewritten in one request after the new copy's chunks are all
 * written: that single write is the commit point. Every chunk also carries its copy's own
 * description (save id, checksum, size, schema), so a lost or damaged manifest can be rebuilt from
 * the chunks alone.
 */
export const MANIFEST_NAMESPACE = "urn:ledgerpane:database-manifest";
export const CHUNK_NAMESPACE = "urn:ledgerpane:database-chunk";
/**
 * The layout of these parts; a workbook with a higher number came from a newer Ledgerpane. The
 * chunk labels added later (save id, checksum, …) are optional attributes that earlier readers
 * ignore, so the format stays 1 and workbooks without them still open.
 */
export const STORE_FORMAT = 1;

export type SlotName = "A" | "B";
export const otherSlot = (s: SlotName): SlotName => (s === "A" ? "B" : "A");

/** What identifies one saved copy of the database, independent of where its chunks are. */
export interface CopyInfo {
  size: number;
  gzipSize: number;
  sha256: string;
  schemaVersion: number;
  /** ISO time of the save; empty when unknown (a copy rebuilt from chunks written before it was recorded). */
  savedAt: string;
  /** Unique per save; absent in copies saved before saves carried one. */
  saveId?: string;
}

export interface SlotInfo extends CopyInfo {
  generation: number;
  /** Custom XML part ids of the chunks, in order. */
  parts: string[];
}

export interface StoreManifest {
  format: number;
  generation: number;
  active: SlotName;
  slots: Partial<Record<SlotName, SlotInfo>>;
}

export interface ChunkPart {
  format: number;
  slot: SlotName;
  generation: number;
  index: number;
  of: number;
  /** The copy this chunk belongs to; null in chunks written before chunks carried it. */
  copy: CopyInfo | null;
  data: string;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unesc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function copyAttrs(c: CopyInfo): string {
  return (
    ` size="${c.size}" gzipSize="${c.gzipSize}" sha256="${c.sha256}" schemaVersion="${c.schemaVersion}"` +
    ` savedAt="${esc(c.savedAt)}"${c.saveId ? ` saveId="${esc(c.saveId)}"` : ""}`
  );
}

export function manifestXml(m: StoreManifest): string {
  const slots = (["A", "B"] as const)
    .filter((n) => m.slots[n])
    .map((n) => {
      const s = m.slots[n]!;
      return (
        `<slot name="${n}" generation="${s.generation}"${copyAttrs(s)}` +
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

/** A manifest or chunk label that does not hold what we wrote: the part cannot be trusted. */
export class DamagedPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DamagedPartError";
  }
}

function int(v: string | undefined, what: string): number {
  const n = v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n))
    throw new DamagedPartError(`${what} is ${v === undefined ? "missing" : `'${v}'`}`);
  return n;
}

const SHA256 = /^[0-9a-f]{64}$/;
const SAVE_ID = /^[0-9A-Za-z-]{1,64}$/;

function slotName(v: string | undefined, what: string): SlotName {
  if (v === "A" || v === "B") return v;
  throw new DamagedPartError(`${what} is ${v === undefined ? "missing" : `'${v}'`}`);
}

/** Every attribute is checked: a manifest that parses is one we wrote, or it is refused whole. */
function copyInfo(a: Record<string, string>, what: string): CopyInfo {
  const sha256 = a.sha256 ?? "";
  if (!SHA256.test(sha256)) throw new DamagedPartError(`the SHA-256 of ${what} is not a checksum`);
  const savedAt = a.savedAt;
  // Empty for a copy rebuilt from chunks that never recorded it; otherwise the time of the save.
  if (
    savedAt === undefined ||
    (savedAt !== "" && (!/^\d{4}-\d{2}-\d{2}T/.test(savedAt) || Number.isNaN(Date.parse(savedAt))))
  )
    throw new DamagedPartError(
      `the save time of ${what} is ${savedAt !== undefined ? `'${savedAt}'` : "missing"}`,
    );
  if (a.saveId !== undefined && !SAVE_ID.test(a.saveId))
    throw new DamagedPartError(`the save id of ${what} is '${a.saveId}'`);
  const size = int(a.size, `the size of ${what}`);
  const gzipSize = int(a.gzipSize, `the packed size of ${what}`);
  if (size === 0 || gzipSize === 0) throw new DamagedPartError(`${what} has no data`);
  return {
    size,
    gzipSize,
    sha256,
    schemaVersion: int(a.schemaVersion, `the schema version of ${what}`),
    savedAt,
    ...(a.saveId !== undefined ? { saveId: a.saveId } : {}),
  };
}

/**
 * Reads a manifest; throws DamagedPartError naming the first thing that is not as a save writes
 * it. A manifest from a newer storage format is returned with only its format read.
 */
export function parseManifest(xml: string): StoreManifest {
  const root = /<ledgerpaneDatabase\b[^>]*>/.exec(xml);
  if (!root) throw new DamagedPartError("the manifest part holds no manifest");
  const a = attrs(root[0]);
  const format = int(a.format, "the storage format");
  if (format > STORE_FORMAT) return { format, generation: 0, active: "A", slots: {} };
  const manifest: StoreManifest = {
    format,
    generation: int(a.generation, "the generation"),
    active: slotName(a.active, "the active copy"),
    slots: {},
  };
  for (const m of xml.matchAll(/<slot\b[^>]*>/g)) {
    const s = attrs(m[0]);
    const name = slotName(s.name, "a copy's name");
    if (manifest.slots[name]) throw new DamagedPartError(`copy ${name} is listed twice`);
    const parts = (s.parts ?? "").split(" ").filter(Boolean);
    if (parts.length === 0) throw new DamagedPartError(`copy ${name} lists no parts`);
    manifest.slots[name] = {
      generation: int(s.generation, `the generation of copy ${name}`),
      ...copyInfo(s, `copy ${name}`),
      parts,
    };
  }
  const active = manifest.slots[manifest.active];
  if (!active) throw new DamagedPartError(`the active copy ${manifest.active} is not described`);
  if (active.generation !== manifest.generation)
    throw new DamagedPartError("the active copy's generation is not the manifest's");
  const backup = manifest.slots[otherSlot(manifest.active)];
  if (backup && backup.generation >= manifest.generation)
    throw new DamagedPartError("the backup copy is not older than the active one");
  return manifest;
}

export function chunkXml(
  label: { slot: SlotName; generation: number; index: number; of: number; copy: CopyInfo },
  data: string,
): string {
  return (
    `<chunk xmlns="${CHUNK_NAMESPACE}" format="${STORE_FORMAT}" slot="${label.slot}"` +
    ` generation="${label.generation}" index="${label.index}" of="${label.of}"${copyAttrs(label.copy)}>` +
    `${data}</chunk>`
  );
}

/** A chunk part, or null when its labels or data are not as a save writes them. */
export function parseChunk(xml: string): ChunkPart | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?<chunk\b([^>]*)>([A-Za-z0-9+/=\s]*)<\/chunk>\s*$/.exec(xml);
  if (!m) return null;
  const a = attrs(m[1]!);
  try {
    const format = a.format === undefined ? 1 : int(a.format, "format");
    const of = int(a.of, "count");
    const index = int(a.index, "index");
    if (of === 0 || index >= of) return null;
    return {
      format,
      slot: slotName(a.slot, "slot"),
      generation: int(a.generation, "generation"),
      index,
      of,
      copy: a.saveId === undefined ? null : copyInfo(a, "the chunk's copy"),
      data: m[2]!.replace(/\s+/g, ""),
    };
  } catch (e) {
    if (e instanceof DamagedPartError) return null;
    throw e;
  }
}

/** A manifest as a comparable text: the same for the XML we wrote and the XML Excel hands back. */
export function manifestFingerprint(xml: string): string {
  try {
    return manifestXml(parseManifest(xml));
  } catch {
    return `unreadable:${xml}`;
  }
}

/** The storage format a chunk part declares (1 when it declares none), or null for no chunk. */
export function chunkFormat(xml: string): number | null {
  const root = /<chunk\b([^>]*)>/.exec(xml);
  if (!root) return null;
  const f = attrs(root[1]!).format;
  return f === undefined ? 1 : /^\d{1,6}$/.test(f) ? Number(f) : null;
}
