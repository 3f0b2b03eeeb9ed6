import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FIXTURES } from "../helpers/paths.ts";

/**
 * A report of about `chars` characters shaped like a long county report: the fixture report's title block,
 * chapters and tasks, each review chapter grown by repeating its body paragraphs (a long report has long
 * chapters, not forty chapters). So the outline, the section matcher and every rule see a realistic
 * structure, and the findings are the text's own, not an artefact of repeated headings.
 */
export function sampleReport(chars = 30_000): string {
  const base = readFileSync(resolve(FIXTURES, "drafts/report-full-numbered.txt"), "utf8");
  const lines = base.split("\n");
  const tasksAt = lines.findIndex((l) => l.startsWith("二、2026年主要任务"));
  const head = lines.slice(0, 8);
  const chapterLines = lines.slice(8, tasksAt - 1);
  const closingOfReview = lines[tasksAt - 1]!;
  const tail = lines.slice(tasksAt);
  const chapters: { heading: string; body: string[] }[] = [];
  for (const line of chapterLines) {
    if (/^（[一二三四五六七八九十]+）/.test(line)) chapters.push({ heading: line, body: [] });
    else chapters.at(-1)!.body.push(line);
  }
  const fixed = [...head, closingOfReview, ...tail].join("\n").length;
  const bodies = chapters.map((c) => [...c.body]);
  let length =
    fixed + chapters.reduce((n, c, i) => n + c.heading.length + bodies[i]!.join("\n").length + 2, 0);
  for (let round = 0; length < chars; round++) {
    const i = round % chapters.length;
    const para = chapters[i]!.body[round % chapters[i]!.body.length]!;
    bodies[i]!.push(para);
    length += para.length + 1;
  }
  const review = chapters.flatMap((c, i) => [c.heading, ...bodies[i]!]);
  return [...head, ...review, closingOfReview, ...tail].join("\n");
}

/**
 * The fixture report (full-width punctuation, as real drafts are) with corpus-style mistakes sprinkled in,
 * so that every tool has hits to report, not only a clean scan.
 */
export function benchText(): string {
  const base = sampleReport(29_000);
  // Half-width commas and a stray space too, as in pasted or NFKC-normalised text: work for zhlint as well.
  const mistakes = "督促“一府两院”依法履职,其它代表踊跃参加,精减普发性文件,开展法律检查 。";
  const lines = base.split("\n");
  for (let i = 10; i < lines.length; i += 40) lines[i] = `${lines[i]}${mistakes}`;
  let text = lines.join("\n");
  while (text.length < 30_000) text += `\n${mistakes}`;
  return text.slice(0, 30_000);
}
