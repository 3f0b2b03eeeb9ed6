import { strFromU8, unzipSync } from "fflate";
import { parseXml } from "../../../core/src/io/xml.ts";

/** Reading a review copy's XML back, the way a word processor would, for the review tests. */

export const partOf = (bytes: Uint8Array, name: string) => {
  const entry = unzipSync(bytes)[name];
  return entry ? strFromU8(entry) : undefined;
};
export const documentXml = (bytes: Uint8Array) => partOf(bytes, "word/document.xml")!;

const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

/** The visible text between a comment's range start and end (w:t only: deleted text is not shown). */
export function anchoredText(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  if (start === -1 || end === -1 || end < start) throw new Error(`comment ${id} has no range`);
  const between = xml.slice(start, end);
  return [...between.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join("");
}

export interface CommentRead {
  id: number;
  author: string;
  initials: string;
  date: string;
  text: string;
}

export function commentsOf(bytes: Uint8Array): CommentRead[] {
  const xml = partOf(bytes, "word/comments.xml");
  if (!xml) return [];
  const root = parseXml(xml);
  const out: CommentRead[] = [];
  const visit = (el: ReturnType<typeof parseXml>) => {
    for (const c of el.children) {
      if (c.name === "w:comment") {
        const paragraphs: string[] = [];
        const texts = (p: typeof c): string =>
          p.children.map((x) => (x.name === "w:t" ? x.text : texts(x))).join("");
        for (const p of c.children.filter((x) => x.name === "w:p")) paragraphs.push(texts(p));
        out.push({
          id: Number(c.attrs["w:id"]),
          author: c.attrs["w:author"] ?? "",
          initials: c.attrs["w:initials"] ?? "",
          date: c.attrs["w:date"] ?? "",
          text: paragraphs.join("\n"),
        });
      } else visit(c);
    }
  };
  visit(root);
  return out;
}

/**
 * The review copy's document.xml with everything the review added taken out again: comment ranges and
 * references removed, our insertions dropped, our deletions restored, and runs that were cut apart joined.
 * For a document whose runs use xml:space="preserve" (as test/core/docx/raw.ts writes them) the result must
 * be the input XML byte for byte. `ids`: the review's comment ids (all comments when absent).
 */
export function withoutReview(xml: string, ids?: readonly number[], author = "人大报告助手"): string {
  const ours = (id: string) => ids === undefined || ids.includes(Number(id));
  let out = xml
    .replace(/<w:commentRangeStart w:id="(\d+)"\/>/g, (m, id: string) => (ours(id) ? "" : m))
    .replace(
      /<w:commentRangeEnd w:id="(\d+)"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r>/g,
      (m, id: string) => (ours(id) ? "" : m),
    )
    .replace(new RegExp(`<w:ins w:id="\\d+" w:author="${author}" w:date="[^"]+">.*?</w:ins>`, "g"), "")
    .replace(
      new RegExp(`<w:del w:id="\\d+" w:author="${author}" w:date="[^"]+">(.*?)</w:del>`, "g"),
      (_, inner: string) =>
        inner.replace(
          /<w:delText xml:space="preserve">([^<]*)<\/w:delText>/g,
          '<w:t xml:space="preserve">$1</w:t>',
        ),
    );
  const join =
    /(<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t xml:space="preserve">)([^<]*)<\/w:t><\/w:r><w:r>\2<w:t xml:space="preserve">/;
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(join, "$1$3");
  }
  return out;
}
