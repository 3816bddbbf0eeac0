/// <reference types="office-js" />

/** Where the self-test ran: what a support request needs to reproduce it. */
export interface EnvironmentInfo {
  host: string;
  platform: string;
  version: string;
  /** Requirement sets the host says it supports, the highest version of each. */
  apiSets: string[];
  userAgent: string;
}

/** The requirement sets the add-in uses or may use, and the highest minor version worth asking about. */
export const API_SETS: { name: string; maxMinor: number }[] = [
  { name: "ExcelApi", maxMinor: 20 },
  { name: "ExcelApiOnline", maxMinor: 5 },
  { name: "SharedRuntime", maxMinor: 3 },
  { name: "DialogApi", maxMinor: 3 },
  { name: "CustomXmlParts", maxMinor: 1 },
  { name: "RibbonApi", maxMinor: 2 },
];

/** Asks `isSetSupported` version by version, so the report names the highest each set reaches. */
export function supportedSets(isSetSupported: (name: string, version: string) => boolean): string[] {
  const out: string[] = [];
  for (const { name, maxMinor } of API_SETS) {
    let best: string | null = null;
    for (let minor = 1; minor <= maxMinor; minor++) {
      const version = `1.${minor}`;
      let supported = false;
      try {
        supported = isSetSupported(name, version);
      } catch {
        // An old host throws for a set it has never heard of: that is "not supported".
      }
      if (supported) best = version;
    }
    if (best) out.push(`${name} ${best}`);
  }
  return out;
}

export function standaloneEnvironment(userAgent: string): EnvironmentInfo {
  return { host: "standalone", platform: "standalone", version: "standalone", apiSets: [], userAgent };
}

/** Reads Office's own description of the host; outside Office (the standalone page) says so. */
export function currentEnvironment(mode: "office" | "standalone"): EnvironmentInfo {
  const userAgent = typeof navigator === "undefined" ? "unknown" : navigator.userAgent;
  if (mode !== "office" || typeof Office === "undefined" || !Office.context)
    return standaloneEnvironment(userAgent);
  const d = Office.context.diagnostics;
  const requirements = Office.context.requirements;
  return {
    host: d ? String(d.host) : "unknown",
    platform: d ? String(d.platform) : "unknown",
    version: d?.version ?? "unknown",
    apiSets: requirements ? supportedSets((n, v) => requirements.isSetSupported(n, v)) : [],
    userAgent,
  };
}
