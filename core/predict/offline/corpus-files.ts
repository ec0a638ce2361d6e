import { readdirSync, readFileSync } from 'node:fs';

/**
 * Every JSON object line of a corpus folder's `*.jsonl` files, in file-name order. A missing folder reads as empty and a
 * malformed line is skipped (the corpus tests name it), never a crash at run time.
 */
export function corpusRows(dir: string): Array<Record<string, unknown>> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  } catch {
    return [];
  }
  const rows: Array<Record<string, unknown>> = [];
  for (const file of files.sort()) {
    for (const line of readFileSync(`${dir}${file}`, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const row: unknown = JSON.parse(line);
        if (row !== null && typeof row === 'object' && !Array.isArray(row)) rows.push(row as Record<string, unknown>);
      } catch {
        // skipped
      }
    }
  }
  return rows;
}
