import { child, descendant, isOn, parseXml, val } from "./xml.ts";

/** What a paragraph or character style contributes to the hints, after following its basedOn chain. */
export interface ResolvedStyle {
  /** The name Word shows ("Heading 1", "标题 1", "报告一级标题"). */
  name: string;
  /** 1-based outline level; 0 = body text; undefined = none anywhere in the chain. */
  outlineLevel: number | undefined;
  bold: boolean | undefined;
}

interface RawStyle {
  id: string;
  type: string;
  name: string;
  basedOn: string | undefined;
  /** w:outlineLvl as stored (0-based, 9 = body text). */
  outlineLvl: number | undefined;
  bold: boolean | undefined;
}

export interface StyleSheet {
  paragraph(styleId: string | undefined): ResolvedStyle | undefined;
  character(styleId: string | undefined): ResolvedStyle | undefined;
}

/** Built-in style names are stored in lower case ("heading 1"); Word shows them capitalised. */
function displayName(name: string): string {
  return /^(heading [1-9]|title|subtitle|normal)$/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name;
}

export function readStyles(xml: string | undefined): StyleSheet {
  const raw = new Map<string, RawStyle>();
  let defaultParagraph: string | undefined;
  if (xml) {
    const styles = descendant(parseXml(xml), ["w:styles"]);
    for (const s of styles?.children ?? []) {
      if (s.name !== "w:style") continue;
      const id = s.attrs["w:styleId"];
      if (!id) continue;
      const type = s.attrs["w:type"] ?? "paragraph";
      const lvl = val(descendant(s, ["w:pPr", "w:outlineLvl"]));
      raw.set(`${type}:${id}`, {
        id,
        type,
        name: displayName(val(child(s, "w:name")) ?? id),
        basedOn: val(child(s, "w:basedOn")),
        outlineLvl: lvl === undefined ? undefined : Number(lvl),
        bold: isOn(descendant(s, ["w:rPr", "w:b"])),
      });
      if (type === "paragraph" && /^(1|true|on)$/.test(s.attrs["w:default"] ?? "")) {
        defaultParagraph = id;
      }
    }
  }
  const cache = new Map<string, ResolvedStyle>();
  const resolve = (type: string, id: string | undefined): ResolvedStyle | undefined => {
    const key = `${type}:${id ?? defaultParagraph ?? ""}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const own = raw.get(key);
    if (!own) return undefined;
    let outlineLevel: number | undefined;
    let bold: boolean | undefined;
    const seen = new Set<string>();
    // Walk up basedOn: the nearest explicit value wins; a "heading N" ancestor implies level N even when
    // the styles part omits w:outlineLvl (several generators do), so custom styles based on Heading 1 count.
    for (let s: RawStyle | undefined = own; s && !seen.has(s.id); s = raw.get(`${type}:${s.basedOn}`)) {
      seen.add(s.id);
      if (outlineLevel === undefined && s.outlineLvl !== undefined) outlineLevel = toLevel(s.outlineLvl);
      if (outlineLevel === undefined) {
        const m = /^(?:heading|标题)\s*([1-9])$/i.exec(s.name);
        if (m) outlineLevel = Number(m[1]);
      }
      if (bold === undefined && s.bold !== undefined) bold = s.bold;
      if (!s.basedOn) break;
    }
    const resolved = { name: own.name, outlineLevel, bold };
    cache.set(key, resolved);
    return resolved;
  };
  return {
    paragraph: (id) => resolve("paragraph", id),
    character: (id) => (id ? resolve("character", id) : undefined),
  };
}

/** Stored w:outlineLvl is 0-based with 9 meaning body text; hints are 1-based with 0 meaning body text. */
export function toLevel(stored: number): number {
  return Number.isInteger(stored) && stored >= 0 && stored <= 8 ? stored + 1 : 0;
}
