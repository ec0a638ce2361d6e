import type { FieldValue } from '../types.js';
import { type EvalReport, percentile } from './run.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const show = (v: FieldValue | null) => (v === null ? '(unknown)' : JSON.stringify(v));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

/** The human-readable report: per-field table, totals, worst misses, speed. */
export function formatReport(report: EvalReport, options: { worst?: number } = {}): string {
  const rows: string[][] = [
    ['field', 'judged on', 'labelled', 'right', 'accuracy', 'abstained', 'unlabelled', 'hallucinated'],
  ];
  for (const f of report.fields) {
    rows.push([
      f.key,
      f.judgedOn,
      String(f.labelled),
      String(f.right),
      f.labelled ? pct(f.right / f.labelled) : '-',
      String(f.abstained),
      String(f.unlabelled),
      String(f.hallucinated),
    ]);
  }
  const lines = [
    `predictor ${report.predictor} · ${report.n} conversations · 2 checkpoints`,
    '',
    table(rows),
    '',
    `field accuracy           ${pct(report.fieldAccuracy)}`,
    `hallucination rate       ${pct(report.hallucinationRate)}`,
    `decision accuracy accept ${pct(report.decisionAccuracyAccept)}`,
    `decision accuracy end    ${pct(report.decisionAccuracyEnd)}`,
  ];
  if (report.timings.length) {
    lines.push(
      `speed per conversation   p50 ${percentile(report.timings, 50).toFixed(2)} ms · p99 ${percentile(report.timings, 99).toFixed(2)} ms (${report.timings.length} runs)`,
    );
  }
  if (report.fallbacks) lines.push(`${report.fallbacks} predictions were answered by the fallback predictor`);
  if (report.failures.length) {
    lines.push('', `${report.failures.length} predictions failed:`);
    for (const f of report.failures.slice(0, 10)) lines.push(`  ${f.caseId} @${f.checkpoint}: ${f.error}`);
  }
  const worst = report.misses.slice(0, options.worst ?? 15);
  if (worst.length) {
    lines.push('', 'worst misses (id, checkpoint, field, expected, got):');
    for (const m of worst)
      lines.push(`  ${m.caseId} @${m.checkpoint} ${m.field}: expected ${show(m.expected)}, got ${show(m.got)}`);
  }
  return lines.join('\n');
}

/** The machine-readable summary, printed as the last line with --json. */
export function summaryJson(report: EvalReport): string {
  return JSON.stringify({
    fieldAccuracy: round(report.fieldAccuracy),
    hallucinationRate: round(report.hallucinationRate),
    decisionAccuracyAccept: round(report.decisionAccuracyAccept),
    decisionAccuracyEnd: round(report.decisionAccuracyEnd),
    n: report.n,
  });
}

const round = (x: number) => Math.round(x * 10000) / 10000;
