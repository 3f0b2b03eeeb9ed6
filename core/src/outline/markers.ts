import { asciiDigits, chineseNumeralValue, circledValue, toChineseNumeral, toCircled } from "./numerals.ts";

/**
 * Numbering styles of GB/T 9704-2012 §7.3.3 (一、 → （一） → 1. → （1）) plus 第一部分 and circled digits,
 * which real reports also use.
 */
export type MarkerStyle = "part" | "cn" | "cn-paren" | "num" | "num-paren" | "circled";

export interface Marker {
  style: MarkerStyle;
  value: number;
  /** Length of the marker including its punctuation and any spaces after it. */
  length: number;
  /** The marker exactly as written ("１、", "一.", "(1)"). */
  raw: string;
  /** The canonical form ("1.", "一、", "（1）"); equal to raw when it is written correctly. */
  canonical: string;
}

const CN = "〇零一二三四五六七八九十百两";
const PART_RE = new RegExp(`^第([${CN}]+)部分[\\s　]*`);
// Marker then its separator. The canonical separators are 、 for 一 and . for 1 (GB/T 15834 §4.5.2.4 notes);
// the others are common typing slips that we still recognise as headings (and report).
const CN_RE = new RegExp(`^([${CN}]{1,4})([、，,．.])[\\s　]*`);
const CN_PAREN_RE = new RegExp(`^[（(]([${CN}]{1,4})[）)]([、，,．.])?[\\s　]*`);
const NUM_RE = /^([0-9０-９]{1,3})([.．、，,])(?![0-9０-９])[\s　]*/;
const NUM_PAREN_RE = /^[（(]([0-9０-９]{1,3})[）)]([、，,．.])?[\s　]*/;
const CIRCLED_RE = /^([①-⑳])([、，,．.])?[\s　]*/;

export function parseMarker(text: string): Marker | null {
  let m = PART_RE.exec(text);
  if (m) {
    const value = chineseNumeralValue(m[1]!);
    if (Number.isFinite(value)) {
      return { style: "part", value, length: m[0].length, raw: m[0].trimEnd(), canonical: `第${m[1]}部分` };
    }
  }
  m = CN_RE.exec(text);
  if (m) {
    const value = chineseNumeralValue(m[1]!);
    // "一是" / "一方面" never reach here (no separator); "十分" etc. fail the separator too.
    if (Number.isFinite(value) && value > 0) {
      return marker("cn", value, m, `${toChineseNumeral(value)}、`);
    }
  }
  m = CN_PAREN_RE.exec(text);
  if (m) {
    const value = chineseNumeralValue(m[1]!);
    if (Number.isFinite(value) && value > 0)
      return marker("cn-paren", value, m, `（${toChineseNumeral(value)}）`);
  }
  m = NUM_RE.exec(text);
  if (m) {
    const value = Number(asciiDigits(m[1]!));
    if (value > 0) return marker("num", value, m, `${value}.`);
  }
  m = NUM_PAREN_RE.exec(text);
  if (m) {
    const value = Number(asciiDigits(m[1]!));
    if (value > 0) return marker("num-paren", value, m, `（${value}）`);
  }
  m = CIRCLED_RE.exec(text);
  if (m) {
    const value = circledValue(m[1]!);
    return marker("circled", value, m, toCircled(value));
  }
  return null;
}

function marker(style: MarkerStyle, value: number, m: RegExpExecArray, canonical: string): Marker {
  const raw = m[0].trimEnd();
  return { style, value, length: m[0].length, raw, canonical };
}

export function formatMarker(style: MarkerStyle, value: number): string {
  switch (style) {
    case "part":
      return `第${toChineseNumeral(value)}部分`;
    case "cn":
      return `${toChineseNumeral(value)}、`;
    case "cn-paren":
      return `（${toChineseNumeral(value)}）`;
    case "num":
      return `${value}.`;
    case "num-paren":
      return `（${value}）`;
    case "circled":
      return toCircled(value);
  }
}

/** Nesting rank: lower is higher in the hierarchy. Run-in and unnumbered headings are ranked by the outline builder. */
export const MARKER_RANK: Record<MarkerStyle, number> = {
  part: 0,
  cn: 1,
  "cn-paren": 2,
  num: 3,
  "num-paren": 4,
  circled: 5,
};

export const MARKER_LABEL: Record<MarkerStyle, string> = {
  part: "第一部分",
  cn: "一、",
  "cn-paren": "（一）",
  num: "1.",
  "num-paren": "（1）",
  circled: "①",
};
