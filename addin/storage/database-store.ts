import type { Progress, WorkbookGateway } from "../gateway/gateway.js";
import { fromBase64 } from "./base64.js";
import { StoredCopyError, type EncodedDatabase } from "./codec.js";
import { gunzip } from "./gzip.js";
import { sha256Hex } from "./sha256.js";
import {
  CHUNK_NAMESPACE,
  MANIFEST_NAMESPACE,
  STORE_FORMAT,
  chunkFormat,
  chunkXml,
  manifestFingerprint,
  manifestXml,
  otherSlot,
  parseChunk,
  parseManifest,
  type ChunkPart,
  type CopyInfo,
  type SlotInfo,
  type SlotName,
  type StoreManifest,
} from "./store-manifest.js";

/** The workbook's copy changed since we read it (undo, another window, a co-author), or is not ours to write. */
export class StoreConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreConflictError";
  }
}

/** The workbook was written by a newer Ledgerpane: we read nothing and write nothing. */
export class StoreTooNewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreTooNewError";
  }
}

/** A manifest part as read, its text reduced to what a later read can be compared with. */
export interface SeenManifest {
  id: string;
  fingerprint: string;
}

/** What the workbook holds before any copy is checked. */
export type StoredBooks =
  | { kind: "empty" }
  | { kind: "manifest"; manifest: StoreManifest; seen: SeenManifest[] }
  /** Ledgerpane parts are there but no single readable manifest says which copy is current. */
  | { kind: "unreadable"; reason: string; seen: SeenManifest[] };

/** A complete copy found among the chunk parts by their own labels. */
export interface FoundCopy {
  slot: SlotName;
  info: SlotInfo;
  chunks: string[];
}

export interface ChunkSurvey {
  /** Complete copies, newest first. */
  copies: FoundCopy[];
  chunkIds: string[];
  maxGeneration: number;
}

/** What a save builds on: what the open (or our last save) read and accounted for. */
interface Base {
  seen: SeenManifest[];
  /** The highest generation seen; the save writes the next one. */
  generation: number;
  /** The copy that was opened: it stays as the backup. Null for a new company. */
  slot: SlotName | null;
  keep: SlotInfo | null;
  /** Chunk parts the open saw; once the committed manifest does not reference them they are deleted. */
  accounted: Set<string>;
}

const referencedParts = (m: StoreManifest): string[] => Object.values(m.slots).flatMap((s) => s.parts);

function newSaveId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const tooNew = (what: string) =>
  new StoreTooNewError(
    `This workbook's books were saved by a newer Ledgerpane (${what}). ` +
      "Update Ledgerpane to open them; nothing in the workbook was changed.",
  );

/**
 * The database inside the workbook: two slots (A and B) of gzip+base64 chunks in custom XML parts,
 * and one manifest part naming the active slot. A save writes the slot we did not load from, one
 * chunk per request, then rewrites the manifest in one request (after checking, in the same
 * request where Excel allows, that it is still the one we read); until that write lands the
 * previous copy is current, and afterwards it stays behind as the backup. Only then are parts
 * deleted, and only parts provably stale: ones the open accounted for, or leftovers of saves at or
 * below the committed generation, which can never commit.
 */
export class DatabaseStore {
  private known: Base | null = null;
  /** Why this workbook must not be written (damaged or newer books); null when writing is allowed. */
  private blocked: string | null = null;

  constructor(readonly gateway: WorkbookGateway) {}

  get generation(): number | null {
    return this.known?.generation ?? null;
  }

  get slot(): SlotName | null {
    return this.known?.slot ?? null;
  }

  /** Reads the manifest part(s) and says what the workbook holds; throws StoreTooNewError. */
  async inspect(): Promise<StoredBooks> {
    const seen: SeenManifest[] = [];
    let manifest: StoreManifest | null = null;
    let problem = "";
    for (const id of await this.gateway.listXmlParts(MANIFEST_NAMESPACE)) {
      const xml = await this.gateway.readXmlPart(id);
      if (xml === null) continue;
      try {
        manifest = parseManifest(xml);
        if (manifest.format > STORE_FORMAT) throw tooNew(`storage format ${manifest.format}`);
      } catch (e) {
        if (e instanceof StoreTooNewError) throw e;
        problem = (e as Error).message;
      }
      seen.push({ id, fingerprint: manifestFingerprint(xml) });
    }
    if (seen.length === 0) {
      const chunks = await this.gateway.listXmlParts(CHUNK_NAMESPACE);
      if (chunks.length === 0) return { kind: "empty" };
      return { kind: "unreadable", reason: "the manifest part is missing", seen };
    }
    if (seen.length > 1)
      return { kind: "unreadable", reason: `the workbook holds ${seen.length} manifest parts`, seen };
    if (problem || !manifest)
      return { kind: "unreadable", reason: `the manifest is damaged: ${problem}`, seen };
    return { kind: "manifest", manifest, seen };
  }

  /** The chunk texts of one copy, checked against its description (all there, in order, same save). */
  async readSlot(info: SlotInfo, slot: SlotName, progress?: Progress): Promise<string[]> {
    const out: string[] = [];
    for (const [index, id] of info.parts.entries()) {
      const xml = await this.gateway.readXmlPart(id);
      const chunk = xml === null ? null : parseChunk(xml);
      if (!chunk) throw new StoredCopyError("missing", `part ${index + 1} of copy ${slot} is missing`);
      if (
        chunk.slot !== slot ||
        chunk.generation !== info.generation ||
        chunk.index !== index ||
        chunk.of !== info.parts.length ||
        (chunk.copy !== null && !sameCopy(chunk.copy, info))
      )
        throw new StoredCopyError("checksum", `part ${index + 1} of copy ${slot} belongs to another save`);
      out.push(chunk.data);
      progress?.(index + 1, info.parts.length);
    }
    return out;
  }

  /** Every chunk part read and grouped by the save that wrote it: the copies a manifest could name. */
  async survey(progress?: Progress): Promise<ChunkSurvey> {
    const chunkIds = await this.gateway.listXmlParts(CHUNK_NAMESPACE);
    const groups = new Map<string, { id: string; chunk: ChunkPart }[]>();
    let maxGeneration = 0;
    for (const [i, id] of chunkIds.entries()) {
      const xml = await this.gateway.readXmlPart(id);
      progress?.(i + 1, chunkIds.length);
      if (xml === null) continue;
      const format = chunkFormat(xml);
      if (format !== null && format > STORE_FORMAT) throw tooNew(`storage format ${format}`);
      const chunk = parseChunk(xml);
      if (!chunk) continue;
      maxGeneration = Math.max(maxGeneration, chunk.generation);
      // Chunks written before saves carried an id are grouped by slot and generation, and their
      // checksum is computed from the data (gzip's own CRC and SQLite's checks guard the rest).
      const key = chunk.copy?.saveId ?? `legacy ${chunk.slot} ${chunk.generation}`;
      const group = groups.get(key) ?? [];
      group.push({ id, chunk });
      groups.set(key, group);
    }
    const copies: FoundCopy[] = [];
    for (const group of groups.values()) {
      const first = group[0]!.chunk;
      const label = (c: ChunkPart) => JSON.stringify([c.slot, c.generation, c.of, c.copy]);
      if (group.length !== first.of || group.some((g) => label(g.chunk) !== label(first))) continue;
      group.sort((x, y) => x.chunk.index - y.chunk.index);
      if (group.some((g, i) => g.chunk.index !== i)) continue;
      const chunks = group.map((g) => g.chunk.data);
      const copy = first.copy ?? (await describeLegacyCopy(chunks));
      if (!copy) continue;
      copies.push({
        slot: first.slot,
        info: { generation: first.generation, ...copy, parts: group.map((g) => g.id) },
        chunks,
      });
    }
    copies.sort(
      (x, y) => y.info.generation - x.info.generation || y.info.savedAt.localeCompare(x.info.savedAt),
    );
    return { copies, chunkIds, maxGeneration };
  }

  /**
   * After a successful open: later saves go to the other slot, keep the opened copy as the backup,
   * and may delete the chunk parts this open saw (the manifest's, or all of them after a survey).
   */
  adopt(books: StoredBooks, slot: SlotName, info: SlotInfo, survey: ChunkSurvey | null): void {
    if (books.kind === "empty") throw new Error("There are no books to adopt.");
    const manifest = books.kind === "manifest" ? books.manifest : null;
    this.blocked = null;
    this.known = {
      seen: books.seen,
      generation: Math.max(manifest?.generation ?? 0, survey?.maxGeneration ?? 0, info.generation),
      slot,
      keep: info,
      accounted: new Set([...(manifest ? referencedParts(manifest) : []), ...(survey?.chunkIds ?? [])]),
    };
  }

  /** Nothing may be written to this workbook (its books are damaged or newer), until a later open succeeds. */
  block(reason: string): void {
    this.known = null;
    this.blocked = reason;
  }

  /** Forget the workbook's copy (a company was closed, or the workbook holds none). */
  reset(): void {
    this.known = null;
    this.blocked = null;
  }

  async save(db: EncodedDatabase, progress?: Progress): Promise<StoreManifest> {
    if (this.blocked !== null)
      throw new StoreConflictError(`Ledgerpane does not write to this workbook: ${this.blocked}`);
    const base = this.known ?? (await this.emptyBase());
    if (this.known) await this.expectUnchanged(base);

    const generation = base.generation + 1;
    const target: SlotName = base.slot ? otherSlot(base.slot) : "A";
    const copy: CopyInfo = {
      size: db.size,
      gzipSize: db.gzipSize,
      sha256: db.sha256,
      schemaVersion: db.schemaVersion,
      savedAt: new Date().toISOString(),
      saveId: newSaveId(),
    };
    const parts: string[] = [];
    const of = db.chunks.length;
    try {
      for (const [index, data] of db.chunks.entries()) {
        parts.push(
          await this.gateway.addXmlPart(chunkXml({ slot: target, generation, index, of, copy }, data)),
        );
        progress?.(index + 1, of + 1);
      }
    } catch (e) {
      await this.discard(parts);
      throw e;
    }

    const next: StoreManifest = {
      format: STORE_FORMAT,
      generation,
      active: target,
      slots: {
        ...(base.slot && base.keep ? { [base.slot]: base.keep } : {}),
        [target]: { generation, ...copy, parts },
      },
    };
    const partId = await this.commit(base, next, parts);
    this.known = {
      seen: [{ id: partId, fingerprint: manifestFingerprint(manifestXml(next)) }],
      generation,
      slot: target,
      keep: next.slots[target]!,
      accounted: new Set(referencedParts(next)),
    };
    progress?.(of + 1, of + 1);
    // The save is committed; what it replaced can wait for a later save if clearing it fails.
    await this.clearStale(base, next).catch(() => undefined);
    return next;
  }

  /** A new company may only go into a workbook without any Ledgerpane part. */
  private async emptyBase(): Promise<Base> {
    const found =
      (await this.gateway.listXmlParts(MANIFEST_NAMESPACE)).length +
      (await this.gateway.listXmlParts(CHUNK_NAMESPACE)).length;
    if (found > 0)
      throw new StoreConflictError(
        `This workbook already holds Ledgerpane books (${found} stored part(s)); open them instead of ` +
          "starting a new company. Nothing was changed.",
      );
    return { seen: [], generation: 0, slot: null, keep: null, accounted: new Set() };
  }

  private async readSeen(): Promise<SeenManifest[]> {
    const out: SeenManifest[] = [];
    for (const id of await this.gateway.listXmlParts(MANIFEST_NAMESPACE)) {
      const xml = await this.gateway.readXmlPart(id);
      if (xml !== null) out.push({ id, fingerprint: manifestFingerprint(xml) });
    }
    return out;
  }

  private async expectUnchanged(base: Base): Promise<void> {
    const key = (s: SeenManifest[]) =>
      JSON.stringify(s.map((m) => [m.id, m.fingerprint]).sort((a, b) => a[0]!.localeCompare(b[0]!)));
    const now = await this.readSeen();
    if (key(now) !== key(base.seen)) throw new StoreConflictError(this.conflictMessage(now));
  }

  /** The commit point: the manifest is replaced only if it is still the one the save built on. */
  private async commit(base: Base, next: StoreManifest, parts: string[]): Promise<string> {
    const xml = manifestXml(next);
    const first = base.seen[0];
    if (first) {
      const done = await this.gateway.replaceXmlPartIf(
        first.id,
        (now) => now !== null && manifestFingerprint(now) === first.fingerprint,
        xml,
      );
      if (!done) {
        await this.discard(parts);
        throw new StoreConflictError(this.conflictMessage(await this.readSeen().catch(() => [])));
      }
      return first.id;
    }
    const id = await this.gateway.addXmlPart(xml);
    const manifests = await this.gateway.listXmlParts(MANIFEST_NAMESPACE);
    if (manifests.some((m) => m !== id)) {
      // Another pane wrote a manifest at the same moment: ours goes, so at most one is ever reported saved.
      await this.discard([...parts, id]);
      throw new StoreConflictError(
        "Another window or a co-author saved books into this workbook at the same moment; this save " +
          "was withdrawn. Reopen the workbook's books to continue.",
      );
    }
    return id;
  }

  private async clearStale(base: Base, next: StoreManifest): Promise<void> {
    const referenced = new Set(referencedParts(next));
    // Manifest parts beyond the first were seen by the open (damaged or conflicting) and are now replaced.
    const stale = base.seen.slice(1).map((m) => m.id);
    for (const id of await this.gateway.listXmlParts(CHUNK_NAMESPACE)) {
      if (referenced.has(id)) continue;
      if (base.accounted.has(id)) {
        stale.push(id);
        continue;
      }
      // Not seen by the open: a leftover of a save that never committed, or a save still being
      // written. One at or below the committed generation can never commit any more.
      const xml = await this.gateway.readXmlPart(id);
      const chunk = xml === null ? null : parseChunk(xml);
      if (chunk && chunk.generation <= next.generation) stale.push(id);
    }
    await this.gateway.deleteXmlParts(stale);
  }

  /** Removes parts only this save wrote and no manifest references; a failure here leaves leftovers. */
  private async discard(ids: string[]): Promise<void> {
    await this.gateway.deleteXmlParts(ids).catch(() => undefined);
  }

  private conflictMessage(now: SeenManifest[]): string {
    let what = "was removed or damaged";
    if (now.length === 1) {
      const fp = now[0]!.fingerprint;
      const generation = fp.startsWith("unreadable:") ? null : parseManifest(fp).generation;
      if (generation !== null) what = `was saved again (generation ${generation})`;
    } else if (now.length > 1) what = "now holds more than one manifest";
    return (
      `The company in this workbook ${what} since this pane opened it: by an undo, another window or a ` +
      "co-author. Nothing was overwritten. Reopen the company to continue from the workbook's copy."
    );
  }
}

/** What a legacy copy's manifest entry said, recomputed from its data; null when it does not unpack. */
async function describeLegacyCopy(chunks: string[]): Promise<CopyInfo | null> {
  try {
    const packed = fromBase64(chunks.join(""));
    const bytes = await gunzip(packed);
    // SQLite keeps user_version (our schema version) big-endian at offset 60 of its header.
    const schemaVersion = bytes.length >= 64 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(60) : 0;
    return {
      size: bytes.length,
      gzipSize: packed.length,
      sha256: await sha256Hex(bytes),
      schemaVersion,
      savedAt: "",
    };
  } catch {
    return null;
  }
}

function sameCopy(a: CopyInfo, b: CopyInfo): boolean {
  return (
    a.sha256 === b.sha256 &&
    a.size === b.size &&
    a.gzipSize === b.gzipSize &&
    a.schemaVersion === b.schemaVersion &&
    (b.saveId === undefined || a.saveId === b.saveId)
  );
}
