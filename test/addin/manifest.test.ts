// @vitest-environment jsdom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ADDIN = join(import.meta.dirname, "..", "..", "addin");
const xml = readFileSync(join(ADDIN, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (tag: string) => [...doc.getElementsByTagName(tag)];
const urlOf = (path: string) => `https://localhost:3000/${path}`;

/** Where a dev-server URL is served from: Vite serves public/ at the root and the HTML entries from addin/. */
function fileFor(url: string): string | null {
  const path = new URL(url).pathname.slice(1);
  for (const base of [join(ADDIN, "public"), ADDIN])
    if (existsSync(join(base, path))) return join(base, path);
  return null;
}

function pngSize(file: string): { width: number; height: number } | null {
  const b = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((v, i) => b[i] === v) || b.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("addin/manifest.xml, checked offline", () => {
  it("is well-formed XML with the TaskPaneApp root", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.tagName).toBe("OfficeApp");
    expect(doc.documentElement.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  it("a malformed manifest would be caught by the same parser", () => {
    const broken = new DOMParser().parseFromString(xml.replace("</Hosts>", ""), "application/xml");
    expect(broken.getElementsByTagName("parsererror").length).toBeGreaterThan(0);
  });

  it("has a GUID id, a four-part version and Chinese names", () => {
    expect(all("Id")[0]?.textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(all("Version")[0]?.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all("DefaultLocale")[0]?.textContent).toBe("zh-CN");
    expect(all("DisplayName")[0]?.getAttribute("DefaultValue")).toBe("人大报告助手");
    expect(all("Description")[0]?.getAttribute("DefaultValue")).toMatch(/[\u4e00-\u9fff]/);
    const labels = all("bt:String").map((s) => s.getAttribute("DefaultValue") ?? "");
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/[\u4e00-\u9fff]/);
  });

  it("declares the Word (Document) and Excel (Workbook) hosts, in the base manifest and the ribbon", () => {
    const base = all("Host")
      .filter((h) => h.getAttribute("Name"))
      .map((h) => h.getAttribute("Name"));
    expect(base.sort()).toEqual(["Document", "Workbook"]);
    const ribbon = all("Host")
      .filter((h) => h.getAttribute("xsi:type"))
      .map((h) => h.getAttribute("xsi:type"));
    expect(ribbon.sort()).toEqual(["Document", "Workbook"]);
  });

  it("puts a task-pane button on the Home tab of each host", () => {
    const tabs = all("OfficeTab").map((t) => t.getAttribute("id"));
    expect(tabs).toEqual(["TabHome", "TabHome"]);
    const actions = all("Action").map((a) => a.getAttribute("xsi:type"));
    expect(actions).toEqual(["ShowTaskpane", "ShowTaskpane"]);
  });

  it("declares requirement sets", () => {
    const sets = all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]);
    expect(sets).toContainEqual(["Settings", "1.1"]);
  });

  it("uses unique ids and every resid it references is defined once", () => {
    const ids = all("*")
      .filter((e) => e.hasAttribute("id"))
      .map((e) => e.getAttribute("id")!);
    const resources = all("*")
      .filter((e) => e.closest("Resources") && e.hasAttribute("id"))
      .map((e) => e.getAttribute("id")!);
    expect(new Set(resources).size).toBe(resources.length);
    const controls = ids.filter((id) => !resources.includes(id) && id !== "TabHome");
    expect(new Set(controls).size).toBe(controls.length);
    const referenced = all("*")
      .filter((e) => e.hasAttribute("resid"))
      .map((e) => e.getAttribute("resid")!);
    expect(referenced.length).toBeGreaterThan(10);
    for (const r of referenced) expect(resources, `resid ${r}`).toContain(r);
  });

  it("uses only https URLs, each served by the dev server from a file in addin/", () => {
    const urls = [
      ...all("*").flatMap((e) =>
        e.getAttribute("DefaultValue")?.startsWith("http") ? [e.getAttribute("DefaultValue")!] : [],
      ),
      ...all("AppDomain").map((e) => e.textContent!),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u, u).toMatch(/^https:\/\//);
    for (const u of urls.filter((x) => new URL(x).pathname !== "/")) expect(fileFor(u), u).not.toBeNull();
    expect(urls).toContain(urlOf("taskpane.html"));
  });

  it("points at icons that are real PNG files of the declared size", () => {
    const images = [
      ...all("bt:Image")
        .filter((e) => e.hasAttribute("DefaultValue"))
        .map(
          (e) =>
            [e.getAttribute("DefaultValue")!, Number(e.getAttribute("id")!.match(/(\d+)x/)![1])] as const,
        ),
      [all("IconUrl")[0]!.getAttribute("DefaultValue")!, 32] as const,
      [all("HighResolutionIconUrl")[0]!.getAttribute("DefaultValue")!, 64] as const,
    ];
    expect(images.length).toBe(5);
    for (const [url, size] of images) {
      const file = fileFor(url);
      expect(file, url).not.toBeNull();
      expect(pngSize(file!), url).toEqual({ width: size, height: size });
    }
  });
});
