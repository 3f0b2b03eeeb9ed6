import { FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import type { Feature } from "../office/requirements.ts";
import type { ExcelPort, SettingsPort, WordPort } from "../ports.ts";
import { ExcelPane } from "./ExcelPane.ts";
import { h } from "./h.ts";
import { FeatureBar, NoticeBar } from "./Status.ts";
import type { Services } from "./services.ts";
import { WordPane } from "./WordPane.ts";

export interface AppProps {
  host: "word" | "excel" | "none";
  word?: WordPort;
  excel?: ExcelPort;
  /** The open document's or workbook's settings. */
  settings: SettingsPort;
  services: Services;
  features: Feature[];
  defaultYear: number;
}

/** The pane for the host it runs in; adapters come in as props, so it renders anywhere (tests, demos). */
export function App(props: AppProps) {
  const body =
    props.host === "word" && props.word
      ? h(WordPane, {
          word: props.word,
          settings: props.settings,
          services: props.services,
          defaultYear: props.defaultYear,
        })
      : props.host === "excel" && props.excel
        ? h(ExcelPane, { excel: props.excel, settings: props.settings, services: props.services })
        : h(NoticeBar, {
            intent: "info",
            notice: "请在 Word 或 Excel 中打开人大报告助手（“开始”选项卡—“报告助手”）。",
          });
  return h(
    FluentProvider,
    {
      theme: webLightTheme,
      style: {
        padding: "12px",
        fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      },
    },
    h(
      Title3,
      { as: "h1", block: true },
      props.host === "excel" ? "人大报告助手 · 台账" : "人大报告助手 · 文稿",
    ),
    h(FeatureBar, { features: props.features }),
    body,
  );
}
