import { clearHosts, excelSyncs, wordSyncs } from "../addin/standin/sync-counts.ts";

/**
 * Round trips of the add-in's Office operations (issue 5): context.sync() calls per operation at two sizes,
 * counted on the office-addin-mock stand-ins. Equal columns mean no sync hides in a loop; Microsoft measured
 * a sync per item as ~10× slower on 200 items, and each sync is a real round trip on Office on the web.
 */
export async function run(): Promise<string> {
  const w5 = await wordSyncs(5);
  clearHosts();
  const w500 = await wordSyncs(500);
  clearHosts();
  const e10 = await excelSyncs(10);
  clearHosts();
  const e10k = await excelSyncs(10_000);
  clearHosts();
  const rows = (a: Record<string, number>, b: Record<string, number>) =>
    Object.keys(a).map((k) => `| ${k} | ${a[k]} | ${b[k]} |`);
  return [
    "## Add-in round trips (issue 5)",
    "",
    "context.sync() calls per operation, counted on the office-addin-mock stand-ins (no Office host runs here).",
    "",
    "| Word operation | 5 paragraphs | 500 paragraphs |",
    "|---|---|---|",
    ...rows(w5, w500),
    "",
    "| Excel operation | 10 rows | 10,000 rows |",
    "|---|---|---|",
    ...rows(e10, e10k),
    "",
  ].join("\n");
}
