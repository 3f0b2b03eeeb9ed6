import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * The first step of `npm test`: the LibreOffice, poppler and Chromium tests spawn system programs, and without
 * them each failed on its own with “spawnSync soffice ENOENT”. This names every missing package in one message,
 * with the command that installs them, and stops before the type check and the tests run.
 * `CHROMIUM_PATH` moves Chromium as it does for the e2e tests; PATH is searched for the other programs.
 */

interface Requirement {
  /** What the message calls it. */
  name: string;
  /** Debian packages that provide it. */
  packages: string[];
  present(): boolean;
}

const INSTALL_COMMAND =
  "sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk chromium python3-uno";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => dir !== "" && isExecutable(join(dir, program)));
}

/** The Python that has LibreOffice's uno module (test/core/docx/review-accept-libreoffice.test.ts uses the same). */
const PYTHON_UNO = process.env.RENDA_PYTHON_UNO ?? "/usr/bin/python3";

const REQUIREMENTS: Requirement[] = [
  {
    name: "LibreOffice（soffice）",
    packages: ["libreoffice-writer-nogui", "libreoffice-calc-nogui"],
    present: () => onPath("soffice"),
  },
  {
    name: "poppler（pdftotext、pdfinfo、pdftoppm）",
    packages: ["poppler-utils"],
    present: () => ["pdftotext", "pdfinfo", "pdftoppm"].every(onPath),
  },
  {
    // LibreOffice renders the generated Chinese documents with it; without it the page checks fail.
    name: "Noto CJK 字体（Noto Sans CJK）",
    packages: ["fonts-noto-cjk"],
    present: () => {
      const r = spawnSync("fc-list", { encoding: "utf8" });
      return r.status === 0 && /Noto Sans CJK/i.test(r.stdout);
    },
  },
  {
    name: `Chromium（${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}）`,
    packages: ["chromium"],
    present: () => isExecutable(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  },
  {
    // Debian's own Python with LibreOffice's UNO bridge: the review-copy test accepts all tracked changes in
    // LibreOffice through it (a pyenv or venv python on PATH cannot import uno, hence the absolute path).
    name: `LibreOffice 的 Python 接口（${PYTHON_UNO} 中的 uno 模块）`,
    packages: ["python3-uno"],
    present: () => spawnSync(PYTHON_UNO, ["-c", "import uno"], { stdio: "ignore" }).status === 0,
  },
];

const missing = REQUIREMENTS.filter((r) => !r.present());
if (missing.length > 0) {
  const names = missing.map((r) => r.name).join("、");
  const packages = missing.flatMap((r) => r.packages).join(" ");
  process.stderr.write(
    [
      `npm test：缺少测试所需的系统软件：${names}（Debian 软件包：${packages}）。`,
      "请先安装，然后重新运行 npm test：",
      "",
      `  ${INSTALL_COMMAND}`,
      "",
      `npm test: system tools the tests need are missing (Debian packages: ${packages}).`,
      "Install them with the command above, then run npm test again.",
      "",
    ].join("\n"),
  );
  process.exit(1);
}
