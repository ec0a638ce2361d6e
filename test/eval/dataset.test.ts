import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset } from '../../core/eval/index.js';
import { defaultFields } from '../../core/fields.js';

const sets = new Map([['default', defaultFields()]]);
const labels = (over: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(defaultFields().map((f) => [f.key, null])),
  ...over,
});
const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 't-1',
    fieldSet: 'default',
    referenceTime: '2026-03-10T14:05:00Z',
    escalation: null,
    messages: [{ role: 'customer', author: 'Maria Lopez', text: 'my order ORD-1 is late' }],
    acceptAfter: 1,
    expectedAtAccept: labels({ customerName: 'Maria Lopez' }),
    expectedAtEnd: labels({ customerName: 'Maria Lopez', phone: '(415) 555-0132', category: 'billing' }),
    ...over,
  });

describe('parseDataset', () => {
  it('parses good lines and normalises labels', () => {
    const { cases, problems } = parseDataset(`${line()}\n\n`, 'data.jsonl', sets);
    expect(problems).toEqual([]);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.expectedAtEnd.phone).toBe('+14155550132');
    expect(cases[0]!.expectedAtEnd.category).toBe('Billing');
    expect(cases[0]!.source).toBe('data.jsonl:1');
  });

  it('reports bad lines with file:line and keeps the good ones', () => {
    const text = [
      line({ id: 'ok-1' }),
      '{not json',
      line({ id: 'x-2', fieldSet: 'nope' }),
      line({ id: 'x-3', expectedAtEnd: labels({ category: 'Teleportation' }) }),
      line({ id: 'x-4', acceptAfter: 7 }),
      line({ id: 'x-5', expectedAtAccept: labels({ colour: 'red' }) }),
      line({ id: 'ok-1' }),
    ].join('\n');
    const { cases, problems } = parseDataset(text, 'data.jsonl', sets);
    expect(cases.map((c) => c.id)).toEqual(['ok-1']);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7]);
    const messages = problems.map(formatProblem);
    expect(messages[0]).toMatch(/^data\.jsonl:2: not valid JSON/);
    expect(messages[1]).toBe('data.jsonl:3: x-2: unknown field set "nope" (known: default)');
    expect(messages[2]).toMatch(/^data\.jsonl:4: x-3: expectedAtEnd\.category: "Teleportation" is not one of/);
    expect(messages[3]).toMatch(/^data\.jsonl:5: x-4: "acceptAfter" must be/);
    expect(messages[4]).toMatch(/^data\.jsonl:6: x-5: expectedAtAccept\.colour is not a field/);
    expect(messages[5]).toBe('data.jsonl:7: duplicate id "ok-1"');
  });
});
