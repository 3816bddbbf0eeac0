import type { WorkbookGateway } from "../gateway/gateway.js";

/**
 * Settings that belong to the workbook rather than to the books: one small custom XML part, so they
 * travel with the file, are the same in every pane on it, and need no change to the database.
 */
export const SETTINGS_NAMESPACE = "urn:ledgerpane:settings";

export interface WorkbookSettings {
  /** Ask "Do you want to post…?" before every posting (Business Central's default). */
  confirmPosting: boolean;
}

export const DEFAULT_SETTINGS: WorkbookSettings = { confirmPosting: true };

function settingsXml(s: WorkbookSettings): string {
  return `<ledgerpaneSettings xmlns="${SETTINGS_NAMESPACE}" confirmPosting="${s.confirmPosting ? "yes" : "no"}"/>`;
}

function parseSettings(xml: string): WorkbookSettings {
  const confirm = /\sconfirmPosting="([^"]*)"/.exec(xml)?.[1];
  // Anything but an explicit "no" keeps the safe default.
  return { confirmPosting: confirm !== "no" };
}

export async function readWorkbookSettings(gw: WorkbookGateway): Promise<WorkbookSettings> {
  const [id] = await gw.listXmlParts(SETTINGS_NAMESPACE);
  if (id === undefined) return { ...DEFAULT_SETTINGS };
  const xml = await gw.readXmlPart(id);
  return xml === null ? { ...DEFAULT_SETTINGS } : parseSettings(xml);
}

export async function writeWorkbookSettings(gw: WorkbookGateway, settings: WorkbookSettings): Promise<void> {
  const [id, ...extra] = await gw.listXmlParts(SETTINGS_NAMESPACE);
  if (id === undefined) await gw.addXmlPart(settingsXml(settings));
  else await gw.replaceXmlPart(id, settingsXml(settings));
  if (extra.length > 0) await gw.deleteXmlParts(extra);
}
