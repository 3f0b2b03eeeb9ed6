import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import type { KindChoice } from "../logic/options.ts";
import { h } from "./h.ts";

const KIND_LABEL: Record<KindChoice, string> = {
  auto: "自动识别",
  "work-report": "工作报告",
  "work-plan": "工作要点",
  "gov-report": "政府工作报告",
  other: "其他",
};

/** 文稿类型: the two kinds, plus 自动识别 where core can decide. */
export function KindField<K extends KindChoice>({
  value,
  onChange,
  allowAuto,
}: {
  value: K;
  onChange: (kind: K) => void;
  allowAuto?: boolean;
}) {
  const choices: KindChoice[] = allowAuto
    ? ["auto", "work-report", "work-plan", "gov-report", "other"]
    : ["work-report", "work-plan"];
  return h(
    Field,
    { label: "文稿类型" },
    h(
      Dropdown,
      {
        value: KIND_LABEL[value],
        selectedOptions: [value],
        onOptionSelect: (_: unknown, d: { optionValue?: string }) => {
          if (d.optionValue) onChange(d.optionValue as K);
        },
      },
      choices.map((k) => h(Option, { key: k, value: k, text: KIND_LABEL[k] }, KIND_LABEL[k])),
    ),
  );
}

/** A year field; `hint` says what a blank field means (omitted when a year is required). */
export function YearField({
  label,
  text,
  onChange,
  error,
  hint,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  return h(
    Field,
    { label, validationMessage: error, hint: error ? undefined : hint },
    h(Input, {
      value: text,
      placeholder: hint ? "自动识别" : undefined,
      onChange: (_: unknown, d: { value: string }) => onChange(d.value),
      inputMode: "numeric",
      "aria-label": label,
    }),
  );
}
