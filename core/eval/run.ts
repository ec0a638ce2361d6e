import type { Predictor, TranscriptMessage } from '../predict/port.js';
import { resolvePrediction } from '../resolve.js';
import { DEFAULT_SETTINGS, type FieldDefinition, type FieldValue, type TenantSettings } from '../types.js';
import { judgedOnFilled, sameForScoring } from './compare.js';
import type { EvalCase } from './dataset.js';

export type Checkpoint = 'accept' | 'end';

/** One field of one conversation at one checkpoint. */
export interface FieldOutcome {
  caseId: string;
  checkpoint: Checkpoint;
  field: string;
  expected: FieldValue | null;
  got: FieldValue | null;
  /** right | wrong (both filled, different) | missed (label, no prediction) | hallucinated (no label, prediction) | empty (both empty) */
  verdict: 'right' | 'wrong' | 'missed' | 'hallucinated' | 'empty';
  /** Counts towards field accuracy (labelled and judged on value). */
  scored: boolean;
  required: boolean;
}

export interface CaseScore {
  caseId: string;
  checkpoint: Checkpoint;
  outcomes: FieldOutcome[];
  shouldCreate: boolean;
  wouldCreate: boolean;
}

/** Compares resolved predictions with the labels of one checkpoint. Pure. */
export function scoreCase(
  caseId: string,
  checkpoint: Checkpoint,
  fields: FieldDefinition[],
  expected: Record<string, FieldValue | null>,
  predicted: Record<string, FieldValue | null>,
): CaseScore {
  const outcomes: FieldOutcome[] = fields.map((field) => {
    const want = expected[field.key] ?? null;
    const got = predicted[field.key] ?? null;
    const byFilled = judgedOnFilled(field);
    let verdict: FieldOutcome['verdict'];
    if (want === null) verdict = got === null ? 'empty' : 'hallucinated';
    else if (got === null) verdict = 'missed';
    else verdict = byFilled || sameForScoring(field, want, got) ? 'right' : 'wrong';
    return {
      caseId,
      checkpoint,
      field: field.key,
      expected: want,
      got,
      verdict,
      scored: want !== null && !byFilled,
      required: field.required,
    };
  });
  const required = fields.filter((f) => f.required);
  return {
    caseId,
    checkpoint,
    outcomes,
    shouldCreate: required.every((f) => (expected[f.key] ?? null) !== null),
    wouldCreate: required.every((f) => (predicted[f.key] ?? null) !== null),
  };
}

export interface FieldRow {
  key: string;
  /** Labelled (non-null) and judged on value, or on filled for title/longtext. */
  labelled: number;
  right: number;
  hallucinated: number;
  /** Labelled but predicted unknown. */
  abstained: number;
  unlabelled: number;
  judgedOn: 'value' | 'filled';
}

export type OutcomeCounts = Pick<FieldRow, 'labelled' | 'right' | 'hallucinated' | 'abstained' | 'unlabelled'>;

/** Adds one field outcome to a per-field row: the one tally both the eval command and `simulate` report. */
export function countOutcome(row: OutcomeCounts, o: FieldOutcome): void {
  if (o.expected === null) {
    row.unlabelled++;
    if (o.verdict === 'hallucinated') row.hallucinated++;
  } else {
    row.labelled++;
    if (o.verdict === 'right') row.right++;
    if (o.verdict === 'missed') row.abstained++;
  }
}

export interface EvalReport {
  predictor: string;
  n: number;
  fieldAccuracy: number;
  hallucinationRate: number;
  decisionAccuracyAccept: number;
  decisionAccuracyEnd: number;
  fields: FieldRow[];
  /** The worst misses first: required fields, then wrong values, then misses and hallucinations. */
  misses: FieldOutcome[];
  scores: CaseScore[];
  /** Milliseconds per prediction of a whole conversation (end checkpoint; with repeats, the median warm run). */
  timings: number[];
  failures: Array<{ caseId: string; checkpoint: Checkpoint; error: string }>;
  /** Predictions the configured predictor handed to its fallback (an LLM that failed and answered offline). */
  fallbacks: number;
}

export interface RunEvalOptions {
  settings?: Partial<TenantSettings>;
  /** Predict each whole conversation this many extra times to time it (warm). Default 0. */
  timingRepeats?: number;
  /** Called after each conversation, for progress output. */
  onCase?: (c: EvalCase, index: number) => void;
}

function transcript(c: EvalCase, upTo: number): TranscriptMessage[] {
  return c.messages.slice(0, upTo).map((m, i) => ({
    id: `${c.id}#${i + 1}`,
    role: m.role,
    author: m.author,
    text: m.text,
    sentAt: c.referenceTime,
  }));
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Runs a predictor over labelled conversations at both checkpoints (first `acceptAfter` messages; all of them), turns
 * its answer into values the way the agent does (confidence threshold, normalisation, escalation values at creation)
 * and scores them with the data set rules.
 */
export async function runEval(
  cases: EvalCase[],
  fieldSets: ReadonlyMap<string, FieldDefinition[]>,
  predictor: Predictor,
  options: RunEvalOptions = {},
): Promise<EvalReport> {
  const settings: TenantSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const scores: CaseScore[] = [];
  const timings: number[] = [];
  const failures: EvalReport['failures'] = [];
  let fallbacks = 0;
  for (const [index, c] of cases.entries()) {
    const fields = fieldSets.get(c.fieldSet) ?? [];
    const managed = fields.filter((f) => f.aiManaged);
    for (const checkpoint of ['accept', 'end'] as const) {
      const upTo = checkpoint === 'accept' ? c.acceptAfter : c.messages.length;
      const input = {
        fields: managed,
        messages: transcript(c, upTo),
        escalation: c.escalation,
        current: null,
        now: c.referenceTime,
        phoneRegion: settings.phoneRegion,
      };
      let predicted: Record<string, FieldValue | null> = {};
      try {
        const started = performance.now();
        const prediction = await predictor.predict(input);
        if (prediction.fallback) fallbacks++;
        // With repeats, only warm runs are timed: the first call of a process pays for JIT and lazy library set-up.
        if (checkpoint === 'end' && !options.timingRepeats) timings.push(performance.now() - started);
        const resolved = resolvePrediction(fields, prediction, settings, c.escalation, true);
        predicted = Object.fromEntries(fields.map((f) => [f.key, resolved.get(f.key)?.value ?? null]));
      } catch (err) {
        failures.push({ caseId: c.id, checkpoint, error: (err as Error).message });
      }
      const expected = checkpoint === 'accept' ? c.expectedAtAccept : c.expectedAtEnd;
      scores.push(scoreCase(c.id, checkpoint, fields, expected, predicted));
    }
    options.onCase?.(c, index);
  }
  if (options.timingRepeats) {
    // Timed after scoring, when everything is warm; the median of a few runs per conversation, so one scheduler
    // hiccup on a busy machine is not taken for the predictor's speed.
    for (const c of cases) {
      const fields = (fieldSets.get(c.fieldSet) ?? []).filter((f) => f.aiManaged);
      const input = {
        fields,
        messages: transcript(c, c.messages.length),
        escalation: c.escalation,
        current: null,
        now: c.referenceTime,
        phoneRegion: settings.phoneRegion,
      };
      const runs: number[] = [];
      for (let r = 0; r < options.timingRepeats; r++) {
        const started = performance.now();
        await predictor.predict(input).catch(() => null);
        runs.push(performance.now() - started);
      }
      timings.push(percentile(runs, 50));
    }
  }
  return { ...summarise(predictor.name, cases.length, scores, timings, failures, fieldSets, cases), fallbacks };
}

const MISS_RANK: Record<FieldOutcome['verdict'], number> = { wrong: 0, missed: 1, hallucinated: 2, right: 9, empty: 9 };

export function summarise(
  predictor: string,
  n: number,
  scores: CaseScore[],
  timings: number[],
  failures: EvalReport['failures'],
  fieldSets: ReadonlyMap<string, FieldDefinition[]>,
  cases: EvalCase[],
): Omit<EvalReport, 'fallbacks'> {
  const order: string[] = [];
  const filledKeys = new Set<string>();
  for (const c of cases) {
    for (const f of fieldSets.get(c.fieldSet) ?? []) {
      if (!order.includes(f.key)) order.push(f.key);
      if (judgedOnFilled(f)) filledKeys.add(f.key);
    }
  }
  const rows = new Map<string, FieldRow>(
    order.map((key) => [
      key,
      {
        key,
        labelled: 0,
        right: 0,
        hallucinated: 0,
        abstained: 0,
        unlabelled: 0,
        judgedOn: filledKeys.has(key) ? 'filled' : 'value',
      },
    ]),
  );
  let scored = 0;
  let scoredRight = 0;
  let nulls = 0;
  let hallucinated = 0;
  const decisions = { accept: [0, 0], end: [0, 0] };
  const misses: FieldOutcome[] = [];
  for (const s of scores) {
    const d = decisions[s.checkpoint];
    d[1]! += 1;
    if (s.shouldCreate === s.wouldCreate) d[0]! += 1;
    for (const o of s.outcomes) {
      const row = rows.get(o.field);
      if (!row) continue;
      countOutcome(row, o);
      if (o.expected === null) {
        nulls++;
        if (o.verdict === 'hallucinated') hallucinated++;
      }
      if (o.scored) {
        scored++;
        if (o.verdict === 'right') scoredRight++;
      }
      if (o.verdict === 'wrong' || o.verdict === 'missed' || o.verdict === 'hallucinated') misses.push(o);
    }
  }
  misses.sort((a, b) => Number(b.required) - Number(a.required) || MISS_RANK[a.verdict] - MISS_RANK[b.verdict]);
  return {
    predictor,
    n,
    fieldAccuracy: ratio(scoredRight, scored),
    hallucinationRate: ratio(hallucinated, nulls),
    decisionAccuracyAccept: ratio(decisions.accept[0]!, decisions.accept[1]!),
    decisionAccuracyEnd: ratio(decisions.end[0]!, decisions.end[1]!),
    fields: [...rows.values()],
    misses,
    scores,
    timings,
    failures,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}
