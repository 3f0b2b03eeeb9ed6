import { describe, expect, it } from "vitest";
import { compileKind, KINDS } from "../../core/src/index.ts";

describe("document kinds are validated data", () => {
  it("each kind has the stable section ids of DESIGN.md, each with a status and a reason", () => {
    expect(KINDS["work-report"].sections.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "title",
        "salutation",
        "opening",
        "review",
        "overview",
        "political",
        "legislation",
        "rule-of-law",
        "supervision",
        "decisions",
        "appointments",
        "deputies",
        "grassroots",
        "election",
        "self-building",
        "shortcomings",
        "tasks",
        "closing",
      ]),
    );
    expect(KINDS["work-plan"].sections.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "title",
        "adoption-note",
        "general-requirements",
        "political",
        "legislation",
        "rule-of-law",
        "supervision",
        "decisions",
        "appointments",
        "deputies",
        "self-building",
      ]),
    );
    for (const kind of Object.values(KINDS)) {
      for (const s of kind.sections) {
        expect(s.reason.length, `${kind.id}/${s.id}`).toBeGreaterThan(4);
        expect(["required", "conditional", "optional"]).toContain(s.status);
      }
    }
  });

  it("no section that is matched by wording depends on a single hard-coded string", () => {
    for (const kind of Object.values(KINDS)) {
      for (const s of kind.sections) {
        if (s.headingRes.length === 0) continue;
        const alternatives = s.headings.reduce((n, h) => n + h.re.split("|").length, 0);
        expect(alternatives, `${kind.id}/${s.id}`).toBeGreaterThan(1);
      }
    }
  });

  it("rejects a kind whose data is wrong, with a message naming the problem", () => {
    const good = {
      id: "work-plan",
      name: "工作要点",
      titleWords: ["工作要点"],
      sections: [{ id: "political", status: "required", where: "body", reason: "首要部分" }],
    };
    expect(compileKind(good).sections[0]!.headingRes.length).toBeGreaterThan(0);
    expect(() => compileKind({ ...good, sections: [{ ...good.sections[0], status: "mandatory" }] })).toThrow(
      /status/,
    );
    expect(() =>
      compileKind({ ...good, sections: [{ ...good.sections[0], id: "no-such-section" }] }),
    ).toThrow(/lexicon/);
    expect(() =>
      compileKind(good, { political: { name: "政治", headings: [{ re: "党的(领导", weight: 3 }] } }),
    ).toThrow(/正则/);
  });
});
