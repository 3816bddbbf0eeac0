import type { Progress, WorkbookGateway } from "../gateway/gateway.js";
import { StoredCopyError, type EncodedDatabase } from "./codec.js";
import {
  CHUNK_NAMESPACE,
  MANIFEST_NAMESPACE,
  STORE_FORMAT,
  chunkXml,
  manifestXml,
  otherSlot,
  parseChunk,
  parseManifest,
  type SlotName,
  type StoreManifest,
} from "./store-manifest.js";

/** The workbook's copy changed since we read it (undo, another window, a co-author). */
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

export interface ManifestRead {
  partId: string;
  manifest: StoreManifest;
}

/**
 * The database inside the workbook: two slots (A and B) of gzip+base64 chunks in custom XML parts,
 * and one manifest part naming the active slot. A save writes the slot we did not load from, one
 * chunk per request, then rewrites the manifest in one request; until that last write lands the
 * previous copy is current, and afterwards it stays behind as the backup.
 */
export class DatabaseStore {
  /** What we last read or wrote: the manifest generation a save expects to find, and our slot. */
  private known: { partId: string; generation: number; slot: SlotName } | null = null;

  constructor(readonly gateway: WorkbookGateway) {}

  get generation(): number | null {
    return this.known?.generation ?? null;
  }

  get slot(): SlotName | null {
    return this.known?.slot ?? null;
  }

  /** The manifest with the highest generation (two can exist if two panes created one at once). */
  async readManifest(): Promise<ManifestRead | null> {
    const ids = await this.gateway.listXmlParts(MANIFEST_NAMESPACE);
    let best: ManifestRead | null = null;
    for (const id of ids) {
      const xml = await this.gateway.readXmlPart(id);
      if (xml === null) continue;
      let manifest: StoreManifest;
      try {
        manifest = parseManifest(xml);
      } catch {
        continue;
      }
      if (manifest.format > STORE_FORMAT)
        throw new StoreTooNewError(
          `This workbook's books were saved by a newer Ledgerpane (storage format ${manifest.format}). ` +
            "Update Ledgerpane to open them; nothing in the workbook was changed.",
        );
      if (!best || manifest.generation > best.manifest.generation) best = { partId: id, manifest };
    }
    return best;
  }

  /** The chunk texts of one slot, checked against the manifest (all there, in order, same save). */
  async readSlot(manifest: StoreManifest, slot: SlotName, progress?: Progress): Promise<string[]> {
    const info = manifest.slots[slot];
    if (!info) throw new StoredCopyError("missing", `copy ${slot} was never saved`);
    const out: string[] = [];
    for (const [index, id] of info.parts.entries()) {
      const xml = await this.gateway.readXmlPart(id);
      const chunk = xml === null ? null : parseChunk(xml);
      if (!chunk) throw new StoredCopyError("missing", `part ${index + 1} of copy ${slot} is missing`);
      if (
        chunk.slot !== slot ||
        chunk.generation !== info.generation ||
        chunk.index !== index ||
        chunk.of !== info.parts.length
      )
        throw new StoredCopyError("checksum", `part ${index + 1} of copy ${slot} belongs to another save`);
      out.push(chunk.data);
      progress?.(index + 1, info.parts.length);
    }
    return out;
  }

  /** After a successful open: later saves go to the other slot and expect this generation. */
  adopt(read: ManifestRead, loadedSlot: SlotName): void {
    this.known = { partId: read.partId, generation: read.manifest.generation, slot: loadedSlot };
  }

  /** Forget the workbook's copy (a company was closed, or opening it was refused). */
  reset(): void {
    this.known = null;
  }

  async save(db: EncodedDatabase, progress?: Progress): Promise<StoreManifest> {
    const current = await this.readManifest();
    if (this.known === null && current !== null)
      throw new StoreConflictError(
        "This workbook already holds a Ledgerpane company; open it instead of starting a new one.",
      );
    if (this.known !== null && (current === null || current.manifest.generation !== this.known.generation))
      throw new StoreConflictError(this.conflictMessage(current));

    const keep = current && this.known ? current.manifest.slots[this.known.slot] : undefined;
    const target: SlotName = this.known ? otherSlot(this.known.slot) : "A";
    const generation = (current?.manifest.generation ?? 0) + 1;

    // Clear the target slot and any chunks left by a save that never reached its manifest write.
    const keepIds = new Set(keep?.parts ?? []);
    const stale = (await this.gateway.listXmlParts(CHUNK_NAMESPACE)).filter((id) => !keepIds.has(id));
    await this.gateway.deleteXmlParts(stale);

    const parts: string[] = [];
    for (const [index, data] of db.chunks.entries()) {
      parts.push(await this.gateway.addXmlPart(chunkXml(target, generation, index, db.chunks.length, data)));
      progress?.(index + 1, db.chunks.length + 1);
    }

    const next: StoreManifest = {
      format: STORE_FORMAT,
      generation,
      active: target,
      slots: {
        ...(keep && this.known ? { [this.known.slot]: keep } : {}),
        [target]: {
          generation,
          size: db.size,
          gzipSize: db.gzipSize,
          sha256: db.sha256,
          schemaVersion: db.schemaVersion,
          savedAt: new Date().toISOString(),
          parts,
        },
      },
    };

    // Someone may have saved while our chunks were going in; look once more before the commit write.
    if (current) {
      const again = await this.gateway.readXmlPart(current.partId);
      const seen = again === null ? null : parseManifest(again).generation;
      if (seen !== current.manifest.generation) throw new StoreConflictError(this.conflictMessage(null));
      await this.gateway.replaceXmlPart(current.partId, manifestXml(next));
      this.known = { partId: current.partId, generation, slot: target };
    } else {
      const partId = await this.gateway.addXmlPart(manifestXml(next));
      this.known = { partId, generation, slot: target };
    }
    progress?.(db.chunks.length + 1, db.chunks.length + 1);
    return next;
  }

  private conflictMessage(current: ManifestRead | null): string {
    const what = current
      ? `was saved again (generation ${current.manifest.generation}, we expected ${this.known?.generation})`
      : "was removed";
    return (
      `The company in this workbook ${what} since this pane opened it: by an undo, another window or a ` +
      "co-author. Nothing was overwritten. Reopen the company to continue from the workbook's copy."
    );
  }
}
