import { Parser } from "htmlparser2";

/**
 * An XML element with its exact place in the source string, so callers can read a package part and then
 * edit it surgically (splice new text into the original string) instead of re-serialising a tree, which
 * would reorder attributes, drop namespaces declarations or change whitespace outside the edited spot.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  parent: XmlElement | null;
  children: XmlElement[];
  /** Offset of "<". */
  start: number;
  /** Offset just past the ">" of the start tag (equals `end` for a self-closing element). */
  openEnd: number;
  /** Offset of "</" of the end tag (equals `end` for a self-closing element). */
  closeStart: number;
  /** Offset just past the element. */
  end: number;
  selfClosing: boolean;
  /** Decoded character data directly inside the element (only collected for text-bearing elements). */
  text: string;
}

/** Elements whose character data we keep; everything else's text (whitespace between tags) is ignored. */
const TEXT_ELEMENTS = new Set(["w:t", "w:delText", "w:instrText"]);

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = {
    name: "#document",
    attrs: {},
    parent: null,
    children: [],
    start: 0,
    openEnd: 0,
    closeStart: xml.length,
    end: xml.length,
    selfClosing: false,
    text: "",
  };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: XmlElement = {
          name,
          attrs,
          parent: current,
          children: [],
          start: parser.startIndex,
          openEnd: parser.endIndex + 1,
          closeStart: parser.endIndex + 1,
          end: parser.endIndex + 1,
          selfClosing: false,
          text: "",
        };
        current.children.push(el);
        current = el;
      },
      ontext(text) {
        if (TEXT_ELEMENTS.has(current.name)) current.text += text;
      },
      onclosetag(_name, isImplied) {
        const el = current;
        if (isImplied && parser.startIndex === el.start) {
          el.selfClosing = true;
          el.closeStart = el.openEnd;
          el.end = el.openEnd;
        } else {
          el.closeStart = parser.startIndex;
          el.end = parser.endIndex + 1;
        }
        current = el.parent ?? root;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function descendant(el: XmlElement, path: readonly string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const name of path) {
    cur = cur && child(cur, name);
    if (!cur) return undefined;
  }
  return cur;
}

/** The w:val attribute, the way WordprocessingML stores most properties. */
export function val(el: XmlElement | undefined): string | undefined {
  return el?.attrs["w:val"];
}

/** An on/off property (w:b, w:i…): present and not explicitly false. */
export function isOn(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}

/** The one escaping and attribute reading of core's XML, for the package parts it reads by scanning. */
export function escapeXmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, "&quot;");
}

/** Character data decoded: the five predefined entities and numeric character references (XML 1.0 §4.6, §4.1). */
export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const ATTRIBUTE_RES = new Map<string, RegExp>();

/**
 * An attribute's raw (still escaped) value in the text of a start tag (`r="A1" t="s"`), for parts read by
 * scanning in slices, where a parser would need the whole part at once: a 50 MB sheet is streamed instead.
 * Office writes attributes in double quotes.
 */
export function attributeValue(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTE_RES.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    ATTRIBUTE_RES.set(name, re);
  }
  return re.exec(attrs)?.[1];
}

/** Deeper than any Office part (WordprocessingML nests tables in tables a few dozen levels at most). */
export const MAX_XML_DEPTH = 256;

/**
 * The offset at which element nesting first exceeds `max`, or -1. A loop over the tags, no recursion and no
 * tree: run before parsing, so a part nested 10,000 levels deep is refused with a message instead of
 * overflowing the stack in a recursive walk later (or silently reading as empty in a library's parser).
 */
export function xmlDepthExceeded(xml: string, max = MAX_XML_DEPTH): number {
  let depth = 0;
  for (let i = xml.indexOf("<"); i !== -1; i = xml.indexOf("<", i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x2f /* / */) depth--;
    else if (next === 0x21 /* ! */) {
      // Comments and CDATA may hold "<" that opens nothing: skip to their end.
      const end = xml.startsWith("<!--", i)
        ? xml.indexOf("-->", i)
        : xml.startsWith("<![CDATA[", i)
          ? xml.indexOf("]]>", i)
          : i;
      if (end === -1) return -1;
      i = end;
    } else if (next !== 0x3f /* ? */) {
      const close = xml.indexOf(">", i);
      if (close === -1) return -1;
      if (xml.charCodeAt(close - 1) !== 0x2f) {
        depth++;
        if (depth > max) return i;
      }
      i = close;
    }
  }
  return -1;
}
