import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { child, parseXml, walk, type XmlElement } from "./xml-tree.js";

/** What Office asks of the manifest beyond the schema: a support page, and icons for every DPI. */
const manifest = parseXml(readFileSync(new URL("../../manifest.xml", import.meta.url), "utf8"));

/** Office's add-in command icon sizes: 16, 32 and 80 are required, the others serve high-DPI screens. */
const ICON_SIZES = ["16", "20", "24", "32", "40", "48", "64", "80"];

describe("manifest.xml: support page and high-DPI icons", () => {
  it("names a support page on the web, not the task pane itself", () => {
    const url = child(manifest, "SupportUrl")!.attrs.DefaultValue!;
    expect(url).toMatch(/^https:\/\//);
    expect(url).not.toMatch(/localhost|taskpane\.html/);
  });

  it("gives the ribbon group and button every icon size Office can ask for", () => {
    const icons: XmlElement[] = [];
    walk(manifest, (el) => {
      if (el.name === "Icon") icons.push(el);
    });
    expect(icons).toHaveLength(2);
    for (const icon of icons) expect(icon.children.map((i) => i.attrs.size)).toEqual(ICON_SIZES);
  });
});
