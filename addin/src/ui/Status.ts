import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Feature } from "../office/requirements.ts";
import { h } from "./h.ts";

export function ErrorBar({ error }: { error: string | null }) {
  if (!error) return null;
  return h(MessageBar, { intent: "error", role: "alert" }, h(MessageBarBody, null, error));
}

export function NoticeBar({
  notice,
  intent = "success",
}: {
  notice: string | null;
  intent?: "success" | "info" | "warning";
}) {
  if (!notice) return null;
  return h(MessageBar, { intent, role: "status" }, h(MessageBarBody, null, notice));
}

/** Features the host cannot offer, said once at the top of the pane. */
export function FeatureBar({ features }: { features: Feature[] }) {
  const off = features.filter((f) => !f.supported);
  if (!off.length) return null;
  return h(
    MessageBar,
    { intent: "warning" },
    h(
      MessageBarBody,
      null,
      h(MessageBarTitle, null, "部分功能不可用"),
      off.map((f) =>
        h("div", { key: f.set + f.version }, `当前 Office 不支持 ${f.set} ${f.version}：${f.feature}不可用`),
      ),
    ),
  );
}
