import { useEffect, useState } from "react";
import { defaultOptions, type KindSetting, type Options, RULE_GROUPS } from "./lib/options.ts";
import { loadOptions, saveOptions } from "./lib/storage.ts";
import "./sidepanel.css";

/** Settings: document kind, year, rule groups, and the sites where the extension runs. */
function OptionsPage() {
  const [opts, setOpts] = useState<Options | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadOptions().then(setOpts);
  }, []);
  if (!opts) return <main className="panel">加载中…</main>;

  const update = (next: Options) => {
    setOpts(next);
    setSaved(false);
  };
  const lines = (s: string) => s.split(/[\s,，]+/).filter(Boolean);

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
