// The add-in's own @types/office-js (1.0.x).
/// <reference path="../../node_modules/@types/office-js/index.d.ts" />
/**
 * Office errors for people: the operation named, the cause in Chinese. OfficeExtension.Error carries a stable
 * `code`; anything else keeps its message after the Chinese text so support can still read it.
 */
const CODES: Record<string, string> = {
  AccessDenied: "文档或该区域受保护（限制编辑、只读或被锁定），无法修改",
  ItemNotFound: "找不到要操作的对象，可能已被删除或改名",
  InvalidArgument: "参数无效",
  InvalidOperation: "当前状态下不能执行此操作",
  InsertDeleteConflict: "插入或删除与文档中的其他内容冲突",
  GeneralException: "Office 内部错误",
  ApiNotFound: "当前 Office 版本不支持所需的接口",
  NotImplemented: "当前 Office 版本未实现所需的接口",
  ActivityLimitReached: "操作过于频繁，请稍后再试",
  RequestPayloadSizeLimitExceeded: "一次写入的数据过大",
  EditModeCellEditing: "单元格正处于编辑状态，请先按回车或 Esc 结束编辑",
  ItemAlreadyExists: "同名对象已存在",
};

export class OfficeOperationError extends Error {
  constructor(
    readonly operation: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`${operation}失败：${reason}`);
    this.name = "OfficeOperationError";
  }
}

export function describeOfficeError(e: unknown): { reason: string; code?: string } {
  if (e instanceof OfficeOperationError) return { reason: e.reason, ...(e.code ? { code: e.code } : {}) };
  const code =
    typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : undefined;
  const message = e instanceof Error ? e.message : String(e);
  const known = code ? CODES[code] : undefined;
  const reason = known ? `${known}（${code}）` : `未知错误（${message}）`;
  return { reason, ...(code ? { code } : {}) };
}

/** Runs one operation; any failure comes back as an OfficeOperationError naming it. */
export async function operation<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof OfficeOperationError) throw e;
    const { reason, code } = describeOfficeError(e);
    throw new OfficeOperationError(name, reason, code);
  }
}

/** A feature needing a requirement set the host lacks: the pane names the feature and the set. */
export class MissingRequirementError extends OfficeOperationError {
  constructor(operationName: string, set: string, version: string) {
    super(
      operationName,
      `当前 Office 不支持 ${set} ${version}，此功能不可用（请升级到 Microsoft 365 或较新版本的 Office）`,
      "RequirementSet",
    );
    this.name = "MissingRequirementError";
  }
}
