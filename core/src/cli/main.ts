import { isInputError } from "../io/errors.ts";
import type { CliIO } from "./cli-io.ts";
import { type DocxReader, formatOf } from "./load.ts";
import { visible, visibleKeepingColour } from "./terminal.ts";

export const VERSION = "0.1.0";

const USAGE = `人大报告助手 renda ${VERSION}

用法：renda <命令> [选项]

命令：
  lint 文件…        检查工作报告、工作要点的章节与表述（.txt/.md/.docx）
  draft             生成符合公文格式的 .docx 报告/要点框架（含自动填写插槽）
  fill 文件.docx     用最新数据更新 .docx 中的自动填写插槽
  compare 要点 报告  对照工作要点检查工作报告：每项已体现、部分体现还是未见，依据在哪里
  help              显示本帮助

运行 renda <命令> --help 查看各命令的选项。`;

export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  // Messages quote file names and document text; none of it may reach the terminal as control sequences.
  const io: CliIO = {
    ...rawIO,
    stdout: (s) => rawIO.stdout(visibleKeepingColour(s)),
    stderr: (s) => rawIO.stderr(visible(s)),
  };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      // Each command loads its own modules: start-up is most of a one-file lint, and the .docx writer (docx)
      // and the ledger reader (exceljs) take longer to load than linting a report takes.
      case "lint": {
        const { runLint } = await import("./lint-command.ts");
        return await runLint(rest, io, await docxReaderFor(rest), VERSION);
      }
      case "draft":
        return await (await import("./docx-commands.ts")).runDraft(rest, io);
      case "fill":
        return await (await import("./docx-commands.ts")).runFill(rest, io);
      case "compare":
        return await (await import("./compare-command.ts")).runCompare(rest, io, await docxReaderFor(rest));
      case "ledger":
        return await (await import("./ledger.ts")).runLedger(rest, io);
      case undefined:
      case "help":
      case "-h":
      case "--help":
        io.stdout(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      case "--version":
      case "-v":
        io.stdout(`${VERSION}\n`);
        return 0;
      default:
        io.stderr(`renda：未知命令“${command}”\n\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(`renda：${e.message}\n`);
      return 2;
    }
    // A bug of ours, not the user's input: say so plainly, keep the detail for the report.
    io.stderr(`renda：内部错误，请将以下信息反馈给开发者（internal error）：\n${(e as Error).stack ?? e}\n`);
    return 3;
  }
}

/** The .docx reader (unzip + XML parser) is loaded only when a .docx file is among the arguments. */
async function docxReaderFor(args: string[]): Promise<DocxReader> {
  if (args.some((a) => formatOf(a) === "docx")) return (await import("../io/docx-read.ts")).readDocx;
  return (_bytes, file) => {
    throw new Error(`no .docx reader loaded for ${file}`);
  };
}
