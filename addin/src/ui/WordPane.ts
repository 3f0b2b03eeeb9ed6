import { Tab, TabList } from "@fluentui/react-components";
import { useState } from "react";
import type { WordPort } from "../ports.ts";
import { CheckPanel } from "./CheckPanel.ts";
import { FillPanel } from "./FillPanel.ts";
import { h } from "./h.ts";
import { SkeletonPanel } from "./SkeletonPanel.ts";
import type { Services } from "./services.ts";

type TabId = "check" | "fill" | "skeleton";

export function WordPane({
  word,
  services,
  defaultYear,
}: {
  word: WordPort;
  services: Services;
  defaultYear: number;
}) {
  const [tab, setTab] = useState<TabId>("check");
  return h(
    "div",
    null,
    h(
      TabList,
      { selectedValue: tab, onTabSelect: (_: unknown, d: { value: unknown }) => setTab(d.value as TabId) },
      h(Tab, { value: "check" }, "检查文稿"),
      h(Tab, { value: "fill" }, "填入台账"),
      h(Tab, { value: "skeleton" }, "插入框架"),
    ),
    h(
      "div",
      { style: { paddingTop: "8px" } },
      // Panels stay mounted so a check's results survive a look at another tab.
      h("div", { hidden: tab !== "check" }, h(CheckPanel, { word })),
      h("div", { hidden: tab !== "fill" }, h(FillPanel, { word, services })),
      h("div", { hidden: tab !== "skeleton" }, h(SkeletonPanel, { word, defaultYear })),
    ),
  );
}
