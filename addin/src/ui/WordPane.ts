import { Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import {
  DOCUMENT_OPTIONS_SETTING,
  type DocumentOptions,
  ownKind,
  readDocumentOptions,
} from "../logic/options.ts";
import type { SettingsPort, WordPort } from "../ports.ts";
import { CheckPanel } from "./CheckPanel.ts";
import { ComparePanel } from "./ComparePanel.ts";
import { FillPanel } from "./FillPanel.ts";
import { h, messageOf } from "./h.ts";
import { SkeletonPanel } from "./SkeletonPanel.ts";
import { ErrorBar } from "./Status.ts";
import type { Services } from "./services.ts";

type TabId = "check" | "compare" | "fill" | "skeleton";

export function WordPane({
  word,
  settings,
  services,
  defaultYear,
}: {
  word: WordPort;
  settings: SettingsPort;
  services: Services;
  defaultYear: number;
}) {
  const [tab, setTab] = useState<TabId>("check");
  // The document's kind and year as the user set them (or 自动识别), saved in the document: the check, the
  // skeleton and the fill all start from them.
  const [options, setOptions] = useState<DocumentOptions>(() =>
    readDocumentOptions(settings.get(DOCUMENT_OPTIONS_SETTING)),
  );
  const [error, setError] = useState<string | null>(null);
  const changeOptions = (next: DocumentOptions) => {
    setOptions(next);
    setError(null);
    settings.set(DOCUMENT_OPTIONS_SETTING, next).catch((e) => setError(messageOf(e, "保存文稿设置")));
  };
  return h(
    "div",
    null,
    h(
      TabList,
      { selectedValue: tab, onTabSelect: (_: unknown, d: { value: unknown }) => setTab(d.value as TabId) },
      h(Tab, { value: "check" }, "检查文稿"),
      h(Tab, { value: "compare" }, "对照工作要点"),
      h(Tab, { value: "fill" }, "填入台账"),
      h(Tab, { value: "skeleton" }, "插入框架"),
    ),
    h(ErrorBar, { error }),
    h(
      "div",
      { style: { paddingTop: "8px" } },
      // Panels stay mounted so a check's results survive a look at another tab.
      h("div", { hidden: tab !== "check" }, h(CheckPanel, { word, options, onOptionsChange: changeOptions })),
      h("div", { hidden: tab !== "compare" }, h(ComparePanel, { word, options })),
      h("div", { hidden: tab !== "fill" }, h(FillPanel, { word, services, options })),
      h(
        "div",
        { hidden: tab !== "skeleton" },
        h(SkeletonPanel, {
          word,
          defaultYear: options.year ?? defaultYear,
          defaultKind: ownKind(options.kind),
          // The inserted skeleton fixes the document's kind and year: later checks use them.
          onInserted: (kind, year) => changeOptions({ kind, year }),
        }),
      ),
    ),
  );
}
