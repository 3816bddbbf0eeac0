import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OfficeAddinManifest } from "office-addin-manifest";
import { describe, expect, it } from "vitest";
import { child, parseXml, walk, type XmlElement } from "./xml-tree.js";

/**
 * The offline stand-in for `office-addin-manifest validate` (which needs Microsoft's online
 * service): the element order of the XML schema, ids, HTTPS URLs, and icons that exist at the
 * sizes the manifest claims.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const manifestPath = `${root}manifest.xml`;
const manifest = parseXml(readFileSync(manifestPath, "utf8"));

/** OfficeApp's sequence (base type, then TaskPaneApp's extension), from the manifest schema 1.1. */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];

function expectOrder(el: XmlElement, order: string[]) {
  const names = el.children.map((c) => c.name);
  for (const n of names) expect(order, `<${n}> is not allowed in <${el.name}>`).toContain(n);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions, `children of <${el.name}> out of schema order: ${names.join(", ")}`).toEqual(
    [...positions].sort((a, b) => a - b),
  );
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Our manifest's URLs point at the dev server; map each to the file the build serves. */
function servedFile(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, "");
  return path.endsWith(".html") ? `${root}addin/${path}` : `${root}addin/assets/${path}`;
}

describe("manifest.xml (offline structural check)", () => {
  it("is an Excel task pane add-in requiring ExcelApi 1.11 and ReadWriteDocument", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(child(manifest, "Id")!.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(child(manifest, "Version")!.text).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(child(child(manifest, "Hosts")!, "Host")!.attrs.Name).toBe("Workbook");
    const sets = child(child(manifest, "Requirements")!, "Sets")!;
    expect(sets.children.map((s) => s.attrs)).toEqual([{ Name: "ExcelApi", MinVersion: "1.11" }]);
    expect(child(manifest, "Permissions")!.text).toBe("ReadWriteDocument");
  });

  it("keeps the schema's element order", () => {
    expectOrder(manifest, OFFICE_APP_ORDER);
    for (const name of REQUIRED) expect(child(manifest, name), `<${name}> is required`).toBeDefined();
    const vo = child(manifest, "VersionOverrides")!;
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expectOrder(vo, ["Description", "Requirements", "Hosts", "Resources"]);
    const host = child(child(vo, "Hosts")!, "Host")!;
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const desktop = child(host, "DesktopFormFactor")!;
    expectOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(child(vo, "Resources")!, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
    walk(desktop, (el) => {
      if (el.name === "Control") expectOrder(el, ["Label", "Supertip", "Icon", "Action"]);
      if (el.name === "Group") expectOrder(el, ["Label", "Icon", "Control"]);
      if (el.name === "Action") expectOrder(el, ["TaskpaneId", "SourceLocation", "Title"]);
    });
  });

  it("has a ribbon button that opens the task pane", () => {
    const controls: XmlElement[] = [];
    walk(manifest, (el) => {
      if (el.name === "Control") controls.push(el);
    });
    expect(controls).toHaveLength(1);
    const action = child(controls[0]!, "Action")!;
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation")!.attrs.resid).toBe("Taskpane.Url");
  });

  it("has unique ids, and every resid points at a resource", () => {
    const ids = new Map<string, number>();
    const resids: string[] = [];
    const resources = new Set<string>();
    walk(child(manifest, "VersionOverrides")!, (el) => {
      if (el.attrs.id) ids.set(el.attrs.id, (ids.get(el.attrs.id) ?? 0) + 1);
      if (el.attrs.resid) resids.push(el.attrs.resid);
    });
    walk(child(child(manifest, "VersionOverrides")!, "Resources")!, (el) => {
      if (el.attrs.id) resources.add(el.attrs.id);
    });
    for (const [id, n] of ids) expect(n, `id ${id} is used ${n} times`).toBe(1);
    for (const r of resids) {
      expect(resources.has(r), `resid ${r} has no resource`).toBe(true);
      expect(r.length, `resid ${r} is longer than 32 characters`).toBeLessThanOrEqual(32);
    }
    walk(child(manifest, "VersionOverrides")!, (el) => {
      if (el.name !== "bt:String") return;
      const max = el.attrs.id!.endsWith("Description") || el.attrs.id!.endsWith("Tooltip") ? 250 : 125;
      expect(el.attrs.DefaultValue!.length).toBeLessThanOrEqual(max);
    });
  });

  it("uses HTTPS for every URL and serves every page and icon it names", () => {
    const urls: string[] = [];
    walk(manifest, (el) => {
      // Namespace names are identifiers, not addresses Office fetches.
      for (const [k, v] of Object.entries(el.attrs))
        if (!k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v)) urls.push(v);
      if (el.name === "AppDomain") urls.push(el.text.trim());
    });
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u, `${u} is not HTTPS`).toMatch(/^https:\/\//);
    for (const u of urls.filter((x) => /\.(png|html)$/.test(x)))
      expect(existsSync(servedFile(u)), `${u} has no file ${servedFile(u)}`).toBe(true);
  });

  it("has icons of the sizes it declares", () => {
    const icon = (el: XmlElement | undefined) => el!.attrs.DefaultValue!;
    expect(pngSize(servedFile(icon(child(manifest, "IconUrl"))))).toEqual({ width: 32, height: 32 });
    expect(pngSize(servedFile(icon(child(manifest, "HighResolutionIconUrl"))))).toEqual({
      width: 64,
      height: 64,
    });
    walk(child(manifest, "VersionOverrides")!, (el) => {
      if (el.name !== "bt:Image" || !el.attrs.DefaultValue) return;
      const size = Number(/Icon\.(\d+)x\d+/.exec(el.attrs.id!)![1]);
      expect(pngSize(servedFile(el.attrs.DefaultValue))).toEqual({ width: size, height: size });
    });
  });

  it("is read by Microsoft's own manifest reader", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.id).toBe(child(manifest, "Id")!.text);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("en-US");
    expect(info.displayName).toBe("Ledgerpane (dev)");
  });
});
