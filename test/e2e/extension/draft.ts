import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "../../helpers/paths.ts";

/**
 * The draft every editor page starts with: a 2024 work report that lacks its 代表工作 chapter and still says
 * “一府两院” (outdated since 2018). Empty lines are dropped: editors hold paragraphs, not blank lines.
 */
export const DRAFT_LINES: readonly string[] = readFileSync(
  resolve(REPO_ROOT, "test/fixtures/drafts/report-unnumbered-no-deputies.txt"),
  "utf8",
)
  .replace("依法履职行权，增强监督实效。", "依法履职行权，增强监督实效。督促“一府两院”依法履职。")
  .split("\n")
  .filter((l) => l.trim() !== "");

/** The paragraph after which the reviewer types the missing chapter (end of the supervision chapter). */
export const INSERT_AFTER = "听取和审议年度环境状况和环境保护目标完成情况的报告。";
export const DEPUTIES_HEADING = "坚持人民至上，密切代表联系，更好发挥代表作用";
export const DEPUTIES_BODY = "健全常委会组成人员联系代表制度，办理代表建议126件。";

if (!DRAFT_LINES.some((l) => l.includes("一府两院")) || !DRAFT_LINES.some((l) => l.endsWith(INSERT_AFTER)))
  throw new Error("the fixture draft changed: update test/e2e/extension/draft.ts");

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const DRAFT_HTML = DRAFT_LINES.map((l) => `<p>${escapeHtml(l)}</p>`).join("");
