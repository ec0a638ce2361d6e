import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../core/eval/index.js';
import { runEval, sameForScoring, scoreCase, summaryJson } from '../../core/eval/index.js';
import { defaultFields } from '../../core/fields.js';
import type { Predictor } from '../../core/predict/port.js';
import type { FieldDefinition, FieldValue } from '../../core/types.js';

const fields = defaultFields();
const f = (key: string): FieldDefinition => fields.find((x) => x.key === key)!;

describe('sameForScoring', () => {
  it('compares free text loosely: case, #, punctuation, Jaccard ≥ 0.5', () => {
    expect(sameForScoring(f('orderNumber'), '#559012', '559012')).toBe(true);
    expect(sameForScoring(f('product'), 'Harbor straight jeans', 'harbor jeans')).toBe(true);
    expect(sameForScoring(f('product'), 'Ledgerly Growth plan', 'Growth plan')).toBe(true);
    expect(sameForScoring(f('product'), 'Tall celadon vase', 'Vase')).toBe(false);
    expect(sameForScoring(f('customerName'), 'Kathryn Moss', 'kathryn  moss.')).toBe(true);
  });

  it('compares typed values after normalisation', () => {
    expect(sameForScoring(f('category'), 'Billing', 'billing')).toBe(true);
    expect(sameForScoring(f('phone'), '+14155550132', '(415) 555-0132')).toBe(true);
    expect(sameForScoring(f('email'), 'A@Example.com', 'a@example.com')).toBe(true);
    expect(sameForScoring(f('refundRequested'), true, false)).toBe(false);
    expect(sameForScoring(f('dueDate'), '2026-03-07', '2026-03-07')).toBe(true);
  });
});

describe('scoreCase', () => {
  const expected = Object.fromEntries(fields.map((x) => [x.key, null])) as Record<string, FieldValue | null>;
  it('gives each field a verdict and decides creation from required fields', () => {
    const want = { ...expected, title: 'Late order', customerName: 'Maria Lopez', category: 'Shipping & delivery' };
    const got = {
      ...expected,
      title: 'Something else entirely',
      customerName: 'Hannah Price',
      category: 'Billing',
      email: 'a@b.co',
    };
    const s = scoreCase('c1', 'end', fields, want, got);
    const verdict = (k: string) => s.outcomes.find((o) => o.field === k)!;
    expect(verdict('title')).toMatchObject({ verdict: 'right', scored: false });
    expect(verdict('customerName')).toMatchObject({ verdict: 'wrong', scored: true });
    expect(verdict('category')).toMatchObject({ verdict: 'wrong', scored: true });
    expect(verdict('email').verdict).toBe('hallucinated');
    expect(verdict('phone').verdict).toBe('empty');
    expect(s.shouldCreate).toBe(true);
    expect(s.wouldCreate).toBe(true);
    const none = scoreCase('c1', 'accept', fields, want, { ...expected, title: 'x', category: 'Billing' });
    expect(none.wouldCreate).toBe(false);
    expect(none.outcomes.find((o) => o.field === 'customerName')?.verdict).toBe('missed');
  });
});

describe('runEval', () => {
  const labels = (over: Record<string, FieldValue | null>) => ({
    ...Object.fromEntries(fields.map((x) => [x.key, null])),
    ...over,
  });
  const c: EvalCase = {
    id: 'c1',
    fieldSet: 'default',
    referenceTime: new Date('2026-03-10T14:00:00Z'),
    language: 'en',
    escalation: { bot: 'HelpBot', values: { email: 'r.tanaka@example.com' } },
    messages: [
      { role: 'customer', author: 'Guest 1', text: 'return shoes' },
      { role: 'customer', author: 'Guest 1', text: 'Ren Tanaka' },
    ],
    acceptAfter: 1,
    expectedAtAccept: labels({ email: 'r.tanaka@example.com', category: 'Returns & refunds' }),
    expectedAtEnd: labels({ email: 'r.tanaka@example.com', category: 'Returns & refunds', customerName: 'Ren Tanaka' }),
    notes: null,
    source: 'x:1',
  };

  it('runs both checkpoints, fills escalation values like the agent does, and totals the scores', async () => {
    const seen: number[] = [];
    const predictor: Predictor = {
      name: 'fake',
      async predict(input) {
        seen.push(input.messages.length);
        const end = input.messages.length === 2;
        return {
          predictor: 'fake',
          fields: {
            category: { value: 'Returns & refunds', confidence: 0.9, evidence: ['c1#1'] },
            customerName: end
              ? { value: 'Ren Tanaka', confidence: 0.9, evidence: [] }
              : { value: null, confidence: 0, evidence: [] },
            // Below the tenant threshold: counts as unknown.
            phone: { value: '+14155550132', confidence: 0.1, evidence: [] },
            product: { value: 'Shoes', confidence: 0.8, evidence: [] },
          },
        };
      },
    };
    const report = await runEval([c], new Map([['default', fields]]), predictor);
    expect(seen).toEqual([1, 2]);
    // labelled value fields: accept email+category, end email+category+name = 5, all right.
    expect(report.fieldAccuracy).toBe(1);
    // nulls: 11 fields × 2 checkpoints − 5 labelled = 17; product hallucinated twice.
    expect(report.hallucinationRate).toBeCloseTo(2 / 17);
    expect(report.decisionAccuracyAccept).toBe(1);
    expect(report.decisionAccuracyEnd).toBe(1);
    expect(report.misses.map((m) => m.field)).toEqual(['product', 'product']);
    expect(JSON.parse(summaryJson(report))).toEqual({
      fieldAccuracy: 1,
      hallucinationRate: 0.1176,
      decisionAccuracyAccept: 1,
      decisionAccuracyEnd: 1,
      n: 1,
    });
  });

  it('records a failing predictor instead of crashing', async () => {
    const predictor: Predictor = {
      name: 'broken',
      async predict() {
        throw new Error('boom');
      },
    };
    const report = await runEval([c], new Map([['default', fields]]), predictor);
    expect(report.failures).toHaveLength(2);
    expect(report.decisionAccuracyAccept).toBe(1);
  });
});
