import type { Marker } from "./markers.ts";

/** What a block is, as far as the structure is concerned. */
export type BlockRole =
  | "blank"
  | "title"
  | "subtitle"
  | "speaker"
  | "adoption-note"
  | "salutation"
  | "heading"
  | "body";

/**
 * How a heading is written:
 * - marker: 一、 （一） 1. （1） ① 第一部分;
 * - line: an unnumbered short line standing alone (corpus 001);
 * - run-in: a lead sentence opening a paragraph, "切实强化思想引领。…";
 * - host: the host said so (Word outline level, HTML h1–h6) and there is no marker.
 */
export type HeadingForm = "marker" | "line" | "run-in" | "host";

/** The two halves of a 工作报告: the year under review and the coming year's tasks. */
export type PartId = "review" | "tasks";

export interface Heading {
  block: number;
  form: HeadingForm;
  marker: Marker | null;
  /** Nesting rank (0 = part, 1 = chapter, …); smaller ranks contain larger ones. */
  rank: number;
  /** The heading words without marker and final 。 */
  title: string;
  /** Offsets of the heading words in the document text. */
  titleStart: number;
  titleEnd: number;
  /** Set when the heading opens the review or tasks part ("2023年主要工作回顾", "2024年主要任务"). */
  part?: PartId;
  /** Year named by a part heading. */
  year?: number;
  /** The heading opens an attachment or the end notes after the report's own text ("附件1", "名词解释"). */
  annex?: boolean;
  /** The part heading names a year and nothing else ("2020年主要工作"): review or tasks by the document's date. */
  yearOnly?: boolean;
}

export interface OutlineNode {
  heading: Heading | null;
  children: OutlineNode[];
  /** Blocks of body text directly under this node (not under a child). */
  bodyBlocks: number[];
  /** Range covered by the node and its descendants, in document offsets. */
  start: number;
  end: number;
  parent: OutlineNode | null;
}

export interface Outline {
  roles: BlockRole[];
  headings: Heading[];
  /** Heading per block index, when the block is a heading. */
  headingByBlock: Map<number, Heading>;
  root: OutlineNode;
  /** Blocks of the title block (title, subtitle line, speaker line). */
  titleBlocks: number[];
  /** The "（…会议通过）" note of a 工作要点, if any. */
  adoptionNote: number | null;
  salutation: number | null;
  /** The title says it is an abridged version (（摘要）). */
  abridged: boolean;
  /**
   * The text starts at the salutation: its title block was left out (the body field of an OA form, whose title
   * is a field of its own; a copy taken from the web page's text).
   */
  headless: boolean;
}
