import { basename, dirname, extname, join } from "node:path";
import type { LintResult } from "../lint.ts";
import type { CliIO } from "./cli-io.ts";
import type { LoadedDocument } from "./load.ts";
import { type OutputRequest, writeOutput } from "./write.ts";

/** 草稿.docx → 草稿.审校.docx beside it; a .txt/.md draft's review copy is a .docx too. */
export function reviewName(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.审校.docx`);
}

/** `renda lint --review`: writes the review copy (comments and tracked changes) and says what is in it. */
export async function writeReview(
  loaded: LoadedDocument,
  bytes: Uint8Array,
  result: LintResult,
  path: string,
  output: OutputRequest,
  io: CliIO,
): Promise<void> {
  // Loaded here, not at start-up: only --review pays for the .docx writer.
  const { reviewCopy } = await import("../io/review.ts");
  const input = loaded.format === "docx" ? { docx: bytes } : { text: loaded.text };
  const copy = reviewCopy(input, result, { file: path });
  writeOutput(output, copy.bytes);
  const left = copy.skipped.length
    ? `；另有 ${copy.skipped.length} 处安全修正未标为修订（${[...new Set(copy.skipped.map((s) => s.reason))].join("、")}），见批注`
    : "";
  io.stderr(
    copy.comments === 0
      ? `${path}：没有发现问题，已写入审校稿 ${output.target}（无批注）\n`
      : `${path}：已写入审校稿 ${output.target}：批注 ${copy.comments} 条，修订 ${copy.revisions.length} 处${left}。在 WPS/Word 中打开，“审阅”选项卡中逐条查看批注、接受或拒绝修订\n`,
  );
}
