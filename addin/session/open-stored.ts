import type { EngineApi } from "../engine-host/protocol.js";
import { StoredCopyError } from "../storage/codec.js";
import { DatabaseStore, StoreTooNewError } from "../storage/database-store.js";
import { otherSlot, type SlotName } from "../storage/store-manifest.js";
import type { Progress } from "../gateway/gateway.js";

export type OpenOutcome =
  | { status: "none" }
  | { status: "opened"; slot: SlotName; generation: number; notices: string[] }
  | { status: "refused"; message: string }
  | { status: "damaged"; message: string };

/**
 * Opens the company stored in the workbook: the active copy first, the backup copy if the active
 * one fails its checks (and says so). A copy from a newer Ledgerpane stops everything: we neither
 * fall back to an older copy nor allow a save, so the newer data is never overwritten.
 */
export async function openStored(
  store: DatabaseStore,
  engine: EngineApi,
  options: { workDate?: string; progress?: Progress } = {},
): Promise<OpenOutcome> {
  let read;
  try {
    read = await store.readManifest();
  } catch (e) {
    if (e instanceof StoreTooNewError) return { status: "refused", message: e.message };
    throw e;
  }
  if (!read) return { status: "none" };
  const { manifest } = read;
  const problems: string[] = [];
  for (const slot of [manifest.active, otherSlot(manifest.active)]) {
    const info = manifest.slots[slot];
    if (!info) continue;
    try {
      const chunks = await store.readSlot(manifest, slot, options.progress);
      await engine.open({
        chunks,
        sha256: info.sha256,
        size: info.size,
        schemaVersion: info.schemaVersion,
        ...(options.workDate ? { workDate: options.workDate } : {}),
      });
      store.adopt(read, slot);
      const notices =
        slot === manifest.active
          ? []
          : [
              `The current copy of the books could not be used (${problems.join("; ")}). ` +
                `Ledgerpane opened the backup copy saved ${info.savedAt || "earlier"}; work done after that ` +
                "save is not in it. The next save replaces the damaged copy.",
            ];
      return { status: "opened", slot, generation: manifest.generation, notices };
    } catch (e) {
      if (e instanceof StoredCopyError && e.kind === "newer")
        return {
          status: "refused",
          message: `The books in this workbook cannot be opened: ${e.message}. Update Ledgerpane; nothing in the workbook was changed.`,
        };
      if (e instanceof StoredCopyError) problems.push(`copy ${slot}: ${e.message}`);
      else throw e;
    }
  }
  return {
    status: "damaged",
    message:
      "The books stored in this workbook are damaged and no copy passed its checks " +
      `(${problems.join("; ")}). Nothing was changed; open an earlier version of the file.`,
  };
}
