import { Button } from "@fluentui/react-components";
import { useState } from "react";
import type { OwnKindId } from "../core.ts";
import { parseYearInput } from "../logic/options.ts";
import { skeletonFor } from "../logic/skeleton.ts";
import type { WordPort } from "../ports.ts";
import { KindField, YearField } from "./fields.ts";
import { h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";

export function SkeletonPanel({
  word,
  defaultYear,
  defaultKind,
  onInserted,
}: {
  word: WordPort;
  defaultYear: number;
  defaultKind: OwnKindId;
  onInserted?: (kind: OwnKindId, year: number) => void;
}) {
  const [kind, setKind] = useState<OwnKindId>(defaultKind);
  const [year, setYear] = useState(String(defaultYear));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const parsed = parseYearInput(year);
  // The skeleton writes the year into its headings, so here a year is required.
  const y = parsed.error === undefined ? parsed.year : null;
  const valid = y !== null;

  async function insert() {
    setError(null);
    try {
      if (y === null) return;
      const plan = skeletonFor(kind, y);
      await word.insertSkeleton(plan);
      onInserted?.(kind, y);
      setNotice(
        `已在文末插入${kind === "work-plan" ? "工作要点" : "工作报告"}框架（${plan.length}段，其中${plan.filter((p) => p.slot).length}处统计内容控件）。`,
      );
    } catch (e) {
      setError(messageOf(e, "插入框架"));
    }
  }

  return h(
    "div",
    null,
    h(KindField<OwnKindId>, { value: kind, onChange: setKind }),
    h(YearField, {
      label: kind === "work-plan" ? "计划之年" : "回顾之年",
      text: year,
      onChange: setYear,
      error: parsed.error ?? (valid ? undefined : "请填写年份"),
    }),
    h(
      Button,
      { appearance: "primary", onClick: insert, disabled: !valid, style: { marginTop: "8px" } },
      "插入框架",
    ),
    h(ErrorBar, { error }),
    h(NoticeBar, { notice }),
  );
}
