import { describe, expect, it } from "vitest";
import { AhoCorasick } from "../../../core/src/rules/engine/aho-corasick.ts";

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) out.push(`${id}@${i}`);
  });
  return out.sort();
}

function found(ac: AhoCorasick, text: string): string[] {
  return ac
    .findAll(text)
    .map((h) => `${h.pattern}@${h.start}`)
    .sort();
}

describe("Aho–Corasick automaton", () => {
  it("finds overlapping and nested patterns, as the textbook example does", () => {
    const ac = AhoCorasick.build(["he", "she", "his", "hers"]);
    expect(found(ac, "ushers")).toEqual(["0@2", "1@1", "3@2"]);
  });

  it("finds Chinese patterns nested in one another (法制宣传 inside 法制宣传教育)", () => {
    const patterns = ["法制宣传", "法制宣传教育", "宣传教育", "全国法制宣传日"];
    const ac = AhoCorasick.build(patterns);
    const text = "开展法制宣传教育，纪念全国法制宣传日。";
    expect(found(ac, text)).toEqual(naive(patterns, text));
    const hit = ac.findAll(text).find((h) => h.pattern === 1)!;
    expect(text.slice(hit.start, hit.end)).toBe("法制宣传教育");
  });

  it("reports the same pattern listed twice once per listing (two entries may share a pattern)", () => {
    const ac = AhoCorasick.build(["其它", "其它"]);
    expect(found(ac, "其它各界")).toEqual(["0@0", "1@0"]);
  });

  it("agrees with indexOf on random texts over a small alphabet", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = "法治制人大代表议案建议";
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rand(alphabet.length)]).join("");
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 1 + rand(12) }, () => word(1 + rand(4)));
      const text = word(200);
      expect(found(AhoCorasick.build(patterns), text)).toEqual(naive(patterns, text));
    }
  });

  it("scans a sub-range only", () => {
    const ac = AhoCorasick.build(["人大"]);
    const hits: number[] = [];
    ac.scan("人大人大人大", (_p, s) => hits.push(s), 2, 4);
    expect(hits).toEqual([2]);
  });

  it("rejects an empty pattern, which would match everywhere", () => {
    expect(() => AhoCorasick.build(["人大", ""])).toThrow(/空模式/);
  });
});
