import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderRulesDoc } from "./rules-doc.ts";

/** `npm run docs:rules`: rewrites docs/rules.md from the rule packs and code rules. */
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/rules.md");
writeFileSync(out, renderRulesDoc());
process.stdout.write(`已生成 ${path.relative(process.cwd(), out)}\n`);
