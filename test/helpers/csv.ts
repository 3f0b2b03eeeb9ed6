import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** RFC 4180 rows (LibreOffice quotes fields holding commas, quotes or newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * LibreOffice's own reading of .xlsx files: every sheet of each exported to `<name>-<sheet>.csv` in `outDir`
 * (UTF-8, comma, quoted), read back as rows. One soffice run for all files, with a fresh profile (a shared one
 * may be locked by another test).
 */
export function libreOfficeSheets(
  files: string[],
  outDir: string,
): (file: string, sheet: string) => string[][] {
  const profile = mkdtempSync(join(outDir, "lo-profile-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      // 44 = comma, 34 = quote, 76 = UTF-8; the last token -1 exports every sheet to <name>-<sheet>.csv.
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  return (file, sheet) => {
    const base = file.replace(/^.*\//, "").replace(/\.xlsx$/i, "");
    return parseCsv(readFileSync(join(outDir, `${base}-${sheet}.csv`), "utf8"));
  };
}
