import type { ConfigError } from "@renda/core";
import { type ChangeEvent, useEffect, useState } from "react";
import { defaultOptions, type KindSetting, type Options, RULE_GROUPS } from "./lib/options.ts";
import { importRulePack, PASTED_NAME, packSummary } from "./lib/rule-pack.ts";
import { loadOptions, saveOptions, saveRulePack } from "./lib/storage.ts";
import "./sidepanel.css";

/** Settings: document kind, year, rule groups, the office's own rule pack, and the sites where it runs. */
function OptionsPage() {
  const [opts, setOpts] = useState<Options | null>(null);
  const [saved, setSaved] = useState(false);
  const [pasted, setPasted] = useState("");
  const [packErrors, setPackErrors] = useState<ConfigError[]>([]);

  useEffect(() => {
    void loadOptions().then(setOpts);
  }, []);
  if (!opts) return <main className="panel">加载中…</main>;

  const update = (next: Options) => {
    setOpts(next);
    setSaved(false);
  };
  const lines = (s: string) => s.split(/[\s,，]+/).filter(Boolean);
  // A pack takes effect at once (stored on its own, other unsaved edits stay unsaved): importing is an action,
  // not a setting to confirm, and the reviewer wants to see its findings on the open pages right away.
  const importPack = async (text: string, name: string) => {
    const r = importRulePack(text, name);
    if (!r.ok) {
      setPackErrors(r.errors);
      return false;
    }
    setPackErrors([]);
    const stored = await saveRulePack(r.pack);
    setOpts({ ...opts, rulePack: stored.rulePack });
    return true;
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    await importPack(await file.text(), file.name);
    // The same file may be chosen again after it was edited.
    input.value = "";
  };
  const removePack = async () => {
    setPackErrors([]);
    await saveRulePack(null);
    setOpts({ ...opts, rulePack: null });
  };
  const pack = opts.rulePack;
  const summary = pack ? packSummary(pack) : null;

  return (
    <main className="panel" style={{ maxWidth: 640 }}>
      <header>
        <h1>人大报告助手 · 选项</h1>
      </header>
      <h2>文稿</h2>
      <p>
        <label>
          文稿类型：
          <select
            name="kind"
            value={opts.kind}
            onChange={(e) => update({ ...opts, kind: e.target.value as KindSetting })}
          >
            <option value="auto">自动识别</option>
            <option value="work-report">工作报告</option>
            <option value="work-plan">工作要点</option>
            <option value="gov-report">政府工作报告</option>
            <option value="other">其他（只检查表述）</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          年份（工作报告为回顾之年，工作要点为计划之年；留空则自动识别）：
          <input
            name="year"
            type="number"
            min={1979}
            max={2100}
            value={opts.year ?? ""}
            onChange={(e) => update({ ...opts, year: e.target.value === "" ? null : Number(e.target.value) })}
          />
        </label>
      </p>
      <h2>检查项目</h2>
      {RULE_GROUPS.map((g) => (
        <p key={g.id}>
          <label>
            <input
              type="checkbox"
              name={`group-${g.id}`}
              checked={opts.groups[g.id]}
              onChange={(e) => update({ ...opts, groups: { ...opts.groups, [g.id]: e.target.checked } })}
            />
            {g.name}
          </label>
        </p>
      ))}
      <h2>本地规则包</h2>
      <p className="empty">
        导入本单位的 renda.config.json，格式与命令行 <code>renda lint</code> 的配置文件相同（本地条目
        entries、规则级别 rules，以及
        kind、year）。导入即生效；本页选定的文稿类型、年份和关闭的检查项目优先于规则包中的设置。
      </p>
      {pack && summary ? (
        <p data-renda-pack={pack.name}>
          已导入：<strong>{pack.name}</strong>，{summary.entries} 个条目
          {summary.rules > 0 && `，${summary.rules} 项规则设置`}
          {pack.importedAt && `（导入于 ${new Date(pack.importedAt).toLocaleString("zh-CN")}）`}{" "}
          <button type="button" className="fix" name="remove-pack" onClick={() => void removePack()}>
            移除
          </button>
        </p>
      ) : (
        <p className="empty" data-renda-pack-none="">
          尚未导入规则包。
        </p>
      )}
      <p>
        <label>
          从文件导入：
          <input
            type="file"
            name="rule-pack-file"
            accept=".json,.jsonc,application/json"
            onChange={(e) => void onFile(e)}
          />
        </label>
      </p>
      <p>
        <label>
          或粘贴配置文件的内容：
          <br />
          <textarea
            name="rule-pack-text"
            rows={6}
            cols={60}
            value={pasted}
            placeholder='{ "entries": [ … ] }'
            onChange={(e) => setPasted(e.target.value)}
          />
        </label>
        <br />
        <button
          type="button"
          className="fix"
          name="import-pasted"
          disabled={pasted.trim() === ""}
          onClick={() => void importPack(pasted, PASTED_NAME).then((ok) => ok && setPasted(""))}
        >
          导入粘贴的内容
        </button>
      </p>
      {packErrors.length > 0 && (
        <div className="notice" data-renda-pack-errors="">
          未导入，请修改后重试：
          <ul>
            {packErrors.map((e) => (
              <li key={`${e.line}:${e.column}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      <h2>在哪些网站运行</h2>
      <p>
        <label>
          <input
            type="radio"
            name="mode"
            checked={opts.sites.mode === "everywhere"}
            onChange={() => update({ ...opts, sites: { ...opts.sites, mode: "everywhere" } })}
          />
          所有网站（下面“从不运行”的除外）
        </label>
        <br />
        <label>
          <input
            type="radio"
            name="mode"
            checked={opts.sites.mode === "listed"}
            onChange={() => update({ ...opts, sites: { ...opts.sites, mode: "listed" } })}
          />
          只在下列网站运行
        </label>
      </p>
      <p>
        <label>
          只在这些网站运行（每行一个，如 oa.example.gov.cn 或 *.example.gov.cn）：
          <br />
          <textarea
            name="allow"
            rows={3}
            cols={50}
            defaultValue={opts.sites.allow.join("\n")}
            onChange={(e) => update({ ...opts, sites: { ...opts.sites, allow: lines(e.target.value) } })}
          />
        </label>
      </p>
      <p>
        <label>
          从不运行的网站：
          <br />
          <textarea
            name="deny"
            rows={3}
            cols={50}
            defaultValue={opts.sites.deny.join("\n")}
            onChange={(e) => update({ ...opts, sites: { ...opts.sites, deny: lines(e.target.value) } })}
          />
        </label>
      </p>
      <p>
        <button
          type="button"
          className="fix"
          onClick={() => void saveOptions(opts).then(() => setSaved(true))}
        >
          保存
        </button>{" "}
        <button type="button" className="fix" onClick={() => update(defaultOptions())}>
          恢复默认
        </button>{" "}
        {saved && <span className="ok">已保存，打开的页面会按新设置重新检查。</span>}
      </p>
    </main>
  );
}

export default OptionsPage;
