import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/paths.ts";
import { sourceFiles } from "../helpers/sources.ts";

const SRC = resolve(REPO_ROOT, "core/src");

/** Code without comments and string contents, so a comment that mentions `document.` is not a hit. */
function codeOf(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

const FORBIDDEN: [RegExp, string][] = [
  [/\b(document|window|navigator|localStorage|sessionStorage)\s*\./, "DOM global"],
  [/\bchrome\s*\.|\bbrowser\.runtime/, "browser-extension API"],
  [/\b(Office|Word|Excel)\s*\.\s*(run|context|onReady|RequestContext)/, "Office API"],
  [/\bHTMLElement\b|\bDOMParser\b|\bXMLHttpRequest\b/, "DOM type or API"],
];

describe("core stays pure", () => {
  const files = sourceFiles(SRC);

  it("has no DOM, chrome.* or Office.* in core/src", () => {
    const hits: string[] = [];
    for (const f of files) {
      const code = codeOf(f);
      for (const [re, what] of FORBIDDEN) if (re.test(code)) hits.push(`${relative(REPO_ROOT, f)}: ${what}`);
      const imports = [...readFileSync(f, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) {
        if (/^(react|react-dom|office-js|@microsoft\/office-js|webextension-polyfill|plasmo)/.test(spec)) {
          hits.push(`${relative(REPO_ROOT, f)}: imports ${spec}`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it("names the .docx package parts in one module only (io/docx-package.ts), so a text grep for document. finds file-format names there and nowhere else", () => {
    const outside = files
      .filter((f) => relative(SRC, f) !== "io/docx-package.ts")
      .filter((f) => {
        const code = readFileSync(f, "utf8")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/(^|[^:])\/\/.*$/gm, "$1");
        return /document\.(xml|main)|officedocument\./i.test(code);
      })
      .map((f) => relative(REPO_ROOT, f));
    expect(outside).toEqual([]);
  });

  it("the check itself fails on a DOM global (self-test on a sample)", () => {
    const sample = "const x = document.title; // window.foo in a comment is fine";
    expect(FORBIDDEN[0]![0].test(sample.replace(/(^|[^:])\/\/.*$/gm, "$1"))).toBe(true);
  });

  it("lint() pulls in no node: module (the extension and the add-in bundle it)", () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
        const spec = m[1]!;
        if (spec.startsWith("node:") || ["fs", "path", "os", "child_process"].includes(spec)) {
          nodeImports.push(`${relative(REPO_ROOT, file)} → ${spec}`);
        } else if (spec.startsWith(".")) {
          const target = resolve(dirname(file), spec);
          if (/\.tsx?$/.test(target)) walk(target);
        }
      }
    };
    walk(resolve(SRC, "index.ts"));
    expect(seen.size).toBeGreaterThan(10);
    expect(nodeImports).toEqual([]);
  });
});
