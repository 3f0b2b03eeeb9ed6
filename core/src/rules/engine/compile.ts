import type { EnumerationEntry, LiteralEntry, PackEntry, RulePack } from "../packs/schema.ts";
import { AhoCorasick } from "./aho-corasick.ts";

/** A pattern as the automaton knows it: which entry it belongs to and, for enumerations, which item. */
export interface CompiledPattern {
  entry: number;
  /** Item index for enumerations, -1 for literal entries. */
  item: number;
  /** Exception phrases containing this pattern, with the pattern's offset inside each. */
  exceptions: { phrase: string; offset: number }[];
}

export interface CompiledLiteral {
  type: "literal";
  entry: LiteralEntry;
  pack: string;
  before?: RegExp;
  after?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
}

export interface CompiledEnumeration {
  type: "enumeration";
  entry: EnumerationEntry;
  pack: string;
  canonical: string;
}

export type CompiledEntry = CompiledLiteral | CompiledEnumeration;

export interface CompiledPacks {
  packs: readonly RulePack[];
  entries: CompiledEntry[];
  patterns: CompiledPattern[];
  automaton: AhoCorasick;
}

/** “四个意识” also matches 四个意识 and "四个意识": drafts quote slogans inconsistently. */
export function expandQuotes(pattern: string): string[] {
  if (!/[“”]/.test(pattern)) return [pattern];
  const bare = pattern.replace(/[“”]/g, "");
  const ascii = pattern.replace(/[“”]/g, '"');
  return [...new Set([pattern, bare, ascii])].filter((p) => p.length > 0);
}

const beforeRe = (src: string) => new RegExp(`(?:${src})$`, "u");
const afterRe = (src: string) => new RegExp(`^(?:${src})`, "u");

/** Later packs override earlier entries with the same id (an office adapts a built-in entry). */
export function mergeEntries(packs: readonly RulePack[]): { entry: PackEntry; pack: string }[] {
  const byId = new Map<string, { entry: PackEntry; pack: string }>();
  for (const p of packs) for (const e of p.entries) byId.set(e.id, { entry: e, pack: p.id });
  return [...byId.values()];
}

export function compilePacks(packs: readonly RulePack[]): CompiledPacks {
  const entries: CompiledEntry[] = [];
  const patterns: CompiledPattern[] = [];
  const texts: string[] = [];
  for (const { entry, pack } of mergeEntries(packs)) {
    const index = entries.length;
    if (entry.type === "enumeration") {
      entries.push({ type: "enumeration", entry, pack, canonical: entry.items.join(entry.separator) });
      entry.items.forEach((item, i) => {
        for (const p of expandQuotes(item)) {
          texts.push(p);
          patterns.push({ entry: index, item: i, exceptions: [] });
        }
      });
      continue;
    }
    const c: CompiledLiteral = { type: "literal", entry, pack };
    if (entry.context?.before) c.before = beforeRe(entry.context.before);
    if (entry.context?.after) c.after = afterRe(entry.context.after);
    if (entry.unless?.before) c.unlessBefore = beforeRe(entry.unless.before);
    if (entry.unless?.after) c.unlessAfter = afterRe(entry.unless.after);
    entries.push(c);
    for (const raw of entry.patterns) {
      for (const p of entry.matchUnquoted ? expandQuotes(raw) : [raw]) {
        const exceptions: CompiledPattern["exceptions"] = [];
        for (const phrase of entry.exceptions) {
          for (let k = phrase.indexOf(p); k !== -1; k = phrase.indexOf(p, k + 1)) {
            exceptions.push({ phrase, offset: k });
          }
        }
        texts.push(p);
        patterns.push({ entry: index, item: -1, exceptions });
      }
    }
  }
  return { packs, entries, patterns, automaton: AhoCorasick.build(texts) };
}

const cache = new WeakMap<readonly RulePack[], CompiledPacks>();

/** Built once per pack set (the same array object) and reused by every lint run. */
export function compiledPacks(packs: readonly RulePack[]): CompiledPacks {
  let c = cache.get(packs);
  if (!c) {
    c = compilePacks(packs);
    cache.set(packs, c);
  }
  return c;
}
