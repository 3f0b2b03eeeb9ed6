import { RulePack } from "./schema.ts";

/** Validates a pack; a broken built-in pack is a programming error, so it throws with the zod path. */
export function loadPack(data: unknown, name: string): RulePack {
  const r = RulePack.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new Error(`规则包 ${name} 无效：${first.path.join(".")}：${first.message}`);
  }
  const ids = new Set<string>();
  for (const e of r.data.entries) {
    if (ids.has(e.id)) throw new Error(`规则包 ${name} 中规则编号重复：${e.id}`);
    ids.add(e.id);
  }
  return r.data;
}
