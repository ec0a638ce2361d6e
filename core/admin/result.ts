/** What an admin command answers, platform-neutral: each platform renders it (Block Kit, Adaptive Card, text). */

export interface AdminTable {
  columns: string[];
  rows: string[][];
}

export type AdminResult =
  /** An answer to show the admin: a title, lines of plain text and maybe a table. `changed`: something was saved. */
  | { kind: 'message'; title: string; lines: string[]; table?: AdminTable; changed?: boolean }
  /** The platform should open its field editor, prefilled with this YAML. */
  | { kind: 'open-field-editor'; yaml: string; fieldCount: number }
  /** The actor is not an admin; nothing was read or written. */
  | { kind: 'refused'; message: string }
  /** The command could not be run (bad input, invalid definition); nothing was written. */
  | { kind: 'error'; message: string };

/** A fixed-width table (Slack and Teams both show code blocks in a monospace font). */
export function tableToText(table: AdminTable): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(table.columns), line(widths.map((w) => '-'.repeat(w))), ...table.rows.map(line)].join('\n');
}

/** The whole result as plain text with the table in a code block: the fallback any chat can show. */
export function adminResultToText(result: AdminResult): string {
  switch (result.kind) {
    case 'message': {
      const parts = [result.title, ...result.lines];
      if (result.table) parts.push(`\`\`\`\n${tableToText(result.table)}\n\`\`\``);
      return parts.join('\n');
    }
    case 'open-field-editor':
      return `Opening the field editor (${result.fieldCount} fields).`;
    case 'refused':
    case 'error':
      return result.message;
  }
}
