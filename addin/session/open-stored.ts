import type { EngineApi, OpenResult } from "../engine-host/protocol.js";
import { StoredCopyError } from "../storage/codec.js";
import {
  DatabaseStore,
  StoreTooNewError,
  type ChunkSurvey,
  type StoredBooks,
} from "../storage/database-store.js";
import { otherSlot, type SlotInfo, type SlotName } from "../storage/store-manifest.js";
import type { Progress } from "../gateway/gateway.js";

export type OpenOutcome =
  | { status: "none" }
  | {
      status: "opened";
      slot: SlotName;
      generation: number;
      /** Which copy: the manifest's active one, its backup, or one found by rebuilding the manifest. */
      source: "active" | "backup" | "rebuilt";
      notices: string[];
      /** The engine upgraded or repaired the copy it opened: save it. */
      upgraded: boolean;
      /** When the opened copy was saved, and its size in bytes. */
      savedAt: string | null;
      bytes: number;
    }
  | { status: "refused"; message: string }
  | { status: "damaged"; message: string };

type Attempt = { ok: true } | { ok: false; refused?: string };

/**
 * Opens the company stored in the workbook. Order: the manifest's active copy; then, if that fails
 * or the manifest cannot be read, the copies found among the chunk parts by their own labels and
 * checksums that are newer than the backup (a damaged manifest must not cost the latest save);
 * then the backup; then older found copies. A workbook with Ledgerpane parts is never "empty":
 * when no copy opens, the books are reported damaged and the store refuses every write. A copy
 * from a newer Ledgerpane stops everything, so the newer data is never overwritten.
 */
export async function openStored(
  store: DatabaseStore,
  engine: EngineApi,
  options: { workDate?: string; progress?: Progress } = {},
): Promise<OpenOutcome> {
  let books: StoredBooks;
  try {
    books = await store.inspect();
  } catch (e) {
    if (e instanceof StoreTooNewError) return refuse(store, e.message);
    throw e;
  }
  if (books.kind === "empty") {
    store.reset();
    return { status: "none" };
  }
  const problems: string[] = books.kind === "unreadable" ? [books.reason] : [];
  const manifest = books.kind === "manifest" ? books.manifest : null;

  // What the engine said of the copy it opened last (upgrades, repaired triggers).
  let lastOpen: OpenResult = { notices: [], upgraded: false };
  const attempt = async (slot: SlotName, info: SlotInfo, read: () => Promise<string[]>): Promise<Attempt> => {
    try {
      lastOpen = await engine.open({
        chunks: await read(),
        sha256: info.sha256,
        size: info.size,
        schemaVersion: info.schemaVersion,
        ...(options.workDate ? { workDate: options.workDate } : {}),
      });
      return { ok: true };
    } catch (e) {
      if (e instanceof StoredCopyError && e.kind === "newer")
        return {
          ok: false,
          refused: `The books in this workbook cannot be opened: ${e.message}. Update Ledgerpane; nothing in the workbook was changed.`,
        };
      if (e instanceof StoredCopyError) {
        problems.push(`copy ${slot}: ${e.message}`);
        return { ok: false };
      }
      throw e;
    }
  };
  const opened = (
    slot: SlotName,
    info: SlotInfo,
    source: "active" | "backup" | "rebuilt",
    survey: ChunkSurvey | null,
    notices: string[],
  ): OpenOutcome => {
    store.adopt(books, slot, info, survey);
    return {
      status: "opened",
      slot,
      generation: store.generation ?? info.generation,
      source,
      notices: [...notices, ...lastOpen.notices],
      upgraded: lastOpen.upgraded,
      savedAt: info.savedAt || null,
      bytes: info.size,
    };
  };

  if (manifest) {
    const active = manifest.slots[manifest.active]!;
    const r = await attempt(manifest.active, active, () =>
      store.readSlot(active, manifest.active, options.progress),
    );
    if (r.ok) return opened(manifest.active, active, "active", null, []);
    if (r.refused) return refuse(store, r.refused);
  }

  let survey: ChunkSurvey;
  try {
    survey = await store.survey(options.progress);
  } catch (e) {
    if (e instanceof StoreTooNewError) return refuse(store, e.message);
    throw e;
  }
  const backupSlot = manifest ? otherSlot(manifest.active) : null;
  const backup = manifest && backupSlot ? manifest.slots[backupSlot] : undefined;
  // A found copy described exactly as the manifest describes it would fail the same way; one that
  // differs (a damaged attribute) is worth trying. One newer than the manifest was never committed.
  const tried = new Set(manifest ? Object.values(manifest.slots).map((s) => JSON.stringify(s)) : []);
  const found = survey.copies.filter(
    (c) => !tried.has(JSON.stringify(c.info)) && (!manifest || c.info.generation <= manifest.generation),
  );
  const rebuiltNotice = (info: SlotInfo) =>
    `The manifest that says which copy of the books is current could not be used (${problems.join("; ")}). ` +
    `Ledgerpane rebuilt it from the chunk parts' own labels and checksums and opened the copy saved ` +
    `${info.savedAt || "earlier"} (save ${info.generation}). The next save writes a new manifest.`;

  const tryFound = async (which: (info: SlotInfo) => boolean): Promise<OpenOutcome | null> => {
    for (const c of found.filter((f) => which(f.info))) {
      const r = await attempt(c.slot, c.info, () => Promise.resolve(c.chunks));
      if (r.ok) return opened(c.slot, c.info, "rebuilt", survey, [rebuiltNotice(c.info)]);
      if (r.refused) return refuse(store, r.refused);
    }
    return null;
  };

  const backupGeneration = backup?.generation ?? 0;
  const newer = await tryFound((info) => info.generation > backupGeneration);
  if (newer) return newer;
  if (backup && backupSlot) {
    const r = await attempt(backupSlot, backup, () => store.readSlot(backup, backupSlot, options.progress));
    if (r.ok)
      return opened(backupSlot, backup, "backup", survey, [
        `The current copy of the books could not be used (${problems.join("; ")}). ` +
          `Ledgerpane opened the backup copy saved ${backup.savedAt || "earlier"}; work done after that ` +
          "save is not in it. The next save replaces the damaged copy.",
      ]);
    if (r.refused) return refuse(store, r.refused);
  }
  const older = await tryFound((info) => info.generation <= backupGeneration);
  if (older) return older;

  const message =
    "The books stored in this workbook are damaged and no copy passed its checks " +
    `(${problems.join("; ")}). Ledgerpane will not write to this workbook, so nothing in it is lost; ` +
    "open an earlier version of the file.";
  store.block(message);
  return { status: "damaged", message };
}

function refuse(store: DatabaseStore, message: string): OpenOutcome {
  store.block(message);
  return { status: "refused", message };
}
