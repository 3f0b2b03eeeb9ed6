// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Requirement sets, checked at run time: one manifest serves Word and Excel, so host-specific sets cannot be
 * demanded in it, and a host lacking one should still open the pane and name the missing feature.
 */
/** Requirement-set check that treats "no Office" as "not supported" instead of throwing. */
export function supports(set: string, version: string): boolean {
  try {
    return globalThis.Office?.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}

export interface Feature {
  feature: string;
  set: string;
  version: string;
  supported: boolean;
}

/** The features a missing requirement set turns off, so the pane can say so before the user clicks. */
export function featureSupport(host: "word" | "excel"): Feature[] {
  const list =
    host === "word"
      ? [
          { feature: "插入框架、填入台账", set: "WordApi", version: "1.3" },
          { feature: "修订模式提示", set: "WordApi", version: "1.4" },
          { feature: "写入批注", set: "WordApi", version: "1.4" },
          { feature: "文中波浪线标注（问题仍在列表中显示）", set: "WordApi", version: "1.7" },
        ]
      : [
          { feature: "建立台账、检查合并单元格", set: "ExcelApi", version: "1.13" },
          { feature: "检查台账、生成汇总表", set: "ExcelApi", version: "1.1" },
        ];
  return list.map((f) => ({ ...f, supported: supports(f.set, f.version) }));
}
