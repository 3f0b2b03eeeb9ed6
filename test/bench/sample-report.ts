import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { FIXTURES } from "../helpers/paths.ts";

/**
 * A realistic report of about `chars` characters: the fixture report's review chapters are repeated with
 * their numbering continued (一、…二十、), so the outline, the section matcher and every rule see a
 * document shaped like a long county report rather than one repeated paragraph.
 */
export function sampleReport(chars = 30_000): string {
  const base = readFileSync(resolve(FIXTURES, "drafts/report-full-numbered.txt"), "utf8");
  const lines = base.split("\n");
  const tasksAt = lines.findIndex((l) => l.startsWith("二、2026年主要任务"));
  const head = lines.slice(0, 8);
  const chapters = lines.slice(8, tasksAt - 1);
  const tail = lines.slice(tasksAt - 1);
  const cn = "一二三四五六七八九十";
  const numeral = (n: number) =>
    n <= 10
      ? cn[n - 1]!
      : n < 20
        ? `十${cn[n - 11]}`
        : `${cn[Math.floor(n / 10) - 1]}十${n % 10 ? cn[(n % 10) - 1] : ""}`;
  const body: string[] = [];
  let n = 0;
  let length = head.join("\n").length + tail.join("\n").length;
  while (length < chars) {
    for (const line of chapters) {
      const renumbered = line.replace(/^（[一二三四五六七八九十]+）/, () => `（${numeral(++n)}）`);
      body.push(renumbered);
      length += renumbered.length + 1;
      if (length >= chars) break;
    }
  }
  return [...head, ...body, ...tail].join("\n").slice(0, Math.max(chars, 0) + 2000);
}
