import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { useState } from "react";
import type { DocumentKindId } from "../core.ts";
import { skeletonFor } from "../logic/skeleton.ts";
import type { WordPort } from "../ports.ts";
import { h, messageOf } from "./h.ts";
import { ErrorBar, NoticeBar } from "./Status.ts";

export function SkeletonPanel({ word, defaultYear }: { word: WordPort; defaultYear: number }) {
  const [kind, setKind] = useState<DocumentKindId>("work-report");
  const [year, setYear] = useState(String(defaultYear));
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const y = Number(year);
  const valid = Number.isInteger(y) && y >= 1980 && y <= 2100;

  async function insert() {
    setError(null);
    try {
      const plan = skeletonFor(kind, y);
      await word.insertSkeleton(plan);
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
    h(
      Field,
      { label: "文稿类型" },
      h(
        Dropdown,
        {
          value: kind === "work-plan" ? "工作要点" : "工作报告",
          selectedOptions: [kind],
          onOptionSelect: (_: unknown, d: { optionValue?: string }) =>
            setKind((d.optionValue as DocumentKindId) ?? "work-report"),
        },
        h(Option, { value: "work-report", text: "工作报告" }, "工作报告"),
        h(Option, { value: "work-plan", text: "工作要点" }, "工作要点"),
      ),
    ),
    h(
      Field,
      {
        label: kind === "work-plan" ? "计划之年" : "回顾之年",
        validationMessage: valid ? undefined : "请填写1980—2100之间的年份",
      },
      h(Input, {
        value: year,
        onChange: (_: unknown, d: { value: string }) => setYear(d.value),
        inputMode: "numeric",
      }),
    ),
    h(
      Button,
      { appearance: "primary", onClick: insert, disabled: !valid, style: { marginTop: "8px" } },
      "插入框架",
    ),
    h(ErrorBar, { error }),
    h(NoticeBar, { notice }),
  );
}
