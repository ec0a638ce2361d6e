import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../core/fields.js';
import { examplePrefixes, findReference } from '../../../core/predict/offline/references.js';
import { field, IT_FIELDS, transcript } from './helpers.js';

const order = field('orderNumber');

describe('order numbers', () => {
  it('reads the hint examples and common forms, kept as written', () => {
    expect(examplePrefixes(order)).toEqual(['ORD']);
    const cases: Array<[string, string]> = [
      ['order is ORD-48213', 'ORD-48213'],
      ['Order #604118', '#604118'],
      ['commande n° 448120', '448120'],
      ['invoice INV-2026-00418', 'INV-2026-00418'],
      ['Order ID: 3348917502', '3348917502'],
      ['it was PP-40912', 'PP-40912'],
    ];
    for (const [text, want] of cases) {
      expect(findReference(order, defaultFields(), transcript([['customer', 'A B', text]]))?.value).toBe(want);
    }
  });

  it('takes the order the issue is about, not one the conversation sets aside', () => {
    const t = transcript([
      ['customer', 'Arjun Mehta', 'ORD-30117 came last week, all good'],
      ['customer', 'Arjun Mehta', 'but ORD-30452 arrived today and the box was missing the lid'],
    ]);
    expect(findReference(order, defaultFields(), t)?.value).toBe('ORD-30452');
  });

  it('counts an order number the agent states, but not one in an unconfirmed question', () => {
    const stated = transcript([
      ['customer', 'Grace W', 'I want to change the delivery address'],
      ['agent', 'Ines (Loftwork)', 'I see your order ORD-55120 here.'],
    ]);
    expect(findReference(order, defaultFields(), stated)).toMatchObject({ value: 'ORD-55120', evidence: ['m2'] });
    const asked = transcript([
      ['customer', 'Grace W', 'I want to change the delivery address'],
      ['agent', 'Ines (Loftwork)', 'Is it order ORD-55120?'],
      ['customer', 'Grace W', 'no, another one'],
    ]);
    expect(findReference(order, defaultFields(), asked)).toBeNull();
  });

  it('reads a bare number answering the order question, and skips gift card codes', () => {
    const t = transcript([
      ['agent', 'Agent', 'may I have your order ID and email please?'],
      ['customer', 'Customer', '7916676427'],
      ['customer', 'Customer', 'my gift card code is 55512345'],
    ]);
    expect(findReference(order, defaultFields(), t)?.value).toBe('7916676427');
  });

  it("leaves another reference field's prefix (asset tags) alone", () => {
    const fields = [...defaultFields(), ...IT_FIELDS.filter((f) => f.key === 'assetTag')];
    const t = transcript([['customer', 'Ethan W', 'my laptop is LT-04821']]);
    expect(findReference(order, fields, t)).toBeNull();
    expect(findReference(field('assetTag', IT_FIELDS), fields, t)?.value).toBe('LT-04821');
  });
});

describe('asset tags', () => {
  it('takes the latest tag given', () => {
    const t = transcript([
      ['customer', 'Ethan W', 'LT-04821'],
      ['customer', 'Ethan W', 'sorry wrong one, it is LT-04822'],
    ]);
    expect(findReference(field('assetTag', IT_FIELDS), IT_FIELDS, t)?.value).toBe('LT-04822');
  });
});
