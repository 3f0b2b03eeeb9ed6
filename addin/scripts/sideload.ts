/**
 * npm run start:word / start:excel: register the manifest with the desktop host, then run the HTTPS dev server.
 * office-addin-debugging (Microsoft's tool for this) does not install from the registry (a dependency is
 * missing), so this does the same two steps by hand:
 *   Windows: the developer-manifest registry key Office reads at start-up (HKCU\…\WEF\Developer);
 *   macOS:   the wef folder in the host's sandbox container;
 *   other systems (Linux, or Office on the web): prints the upload steps from addin/README.md.
 * `npm run stop -w addin` removes the registration.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir, platform } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ADDIN = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST = join(ADDIN, "manifest.xml");
const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(MANIFEST, "utf8"))?.[1] ?? "";
const arg = process.argv[2] ?? "word";
const remove = arg === "--remove";
const app = arg === "excel" ? "excel" : "word";
const WIN_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
const MAC_DIR = (a: string) =>
  join(
    homedir(),
    "Library",
    "Containers",
    a === "excel" ? "com.microsoft.Excel" : "com.microsoft.Word",
    "Data",
    "Documents",
    "wef",
  );

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} 失败（退出码 ${r.status}）`);
}

if (platform() === "win32") {
  if (remove) run("reg", ["delete", WIN_KEY, "/v", id, "/f"]);
  else run("reg", ["add", WIN_KEY, "/v", id, "/t", "REG_SZ", "/d", MANIFEST, "/f"]);
} else if (platform() === "darwin") {
  for (const a of remove ? ["word", "excel"] : [app]) {
    const target = join(MAC_DIR(a), "renda-manifest.xml");
    if (remove) {
      if (existsSync(target)) rmSync(target);
    } else {
      mkdirSync(MAC_DIR(a), { recursive: true });
      copyFileSync(MANIFEST, target);
    }
  }
} else if (!remove) {
  console.log(
    [
      "此系统上没有桌面版 Office。请用网页版侧载：",
      `  1. 保持本命令运行（开发服务器 https://localhost:3000）；`,
      `  2. 在 https://www.office.com 打开一个 ${app === "excel" ? "Excel 工作簿" : "Word 文档"}；`,
      `  3. “开始”—“加载项”—“更多设置/我的加载项”—“上载我的加载项”，选择 ${MANIFEST}。`,
      "  详见 addin/README.md。",
    ].join("\n"),
  );
}

if (remove) {
  console.log("已移除加载项注册。");
} else {
  if (platform() === "win32" || platform() === "darwin")
    console.log(
      `已注册 ${MANIFEST}。启动${app === "excel" ? " Excel" : " Word"}后在“开始”选项卡点击“报告助手”。`,
    );
  if (platform() === "win32")
    spawn("cmd", ["/c", "start", app === "excel" ? "excel" : "winword"], { detached: true });
  if (platform() === "darwin")
    spawn("open", ["-a", app === "excel" ? "Microsoft Excel" : "Microsoft Word"], { detached: true });
  // The dev server stays in the foreground: Office loads the pane from it.
  spawn("npx", ["vite"], { cwd: ADDIN, stdio: "inherit", shell: platform() === "win32" });
}
