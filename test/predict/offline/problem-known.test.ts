import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../core/fields.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import type { FieldDefinition } from '../../../core/types.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

// A category list that has no option for a broken item: the problem is still stated.
const fields: FieldDefinition[] = defaultFields().map((f) =>
  f.key === 'category'
    ? {
        ...f,
        options: [
          { value: 'Billing', hint: 'use when the issue is about charges or invoices' },
          { value: 'Shipping', hint: 'use when an order is late or lost' },
        ],
      }
    : f,
);

async function predict(lines: Line[]) {
  return (await createOfflinePredictor().predict(input(lines, { fields }))).fields;
}

/** With the shipped default fields. */
async function predictDefault(lines: Line[]) {
  return (await createOfflinePredictor().predict(input(lines, { fields: defaultFields() }))).fields;
}

describe('a problem stated in plain words is known without a fitting category', () => {
  it('fills title and priority while the category abstains', async () => {
    const out = await predict([['customer', 'Robin Hale', 'my new kettle is broken, it will not switch on at all']]);
    expect(out.category?.value ?? null).toBeNull();
    expect(out.title?.value).toBeTruthy();
    expect(out.priority?.value).toBe('Normal');
  });

  it('still waits for the problem when the customer only says there is one', async () => {
    const out = await predict([['customer', 'Robin Hale', 'hi, I have an issue']]);
    expect(out.title?.value ?? null).toBeNull();
    expect(out.priority?.value ?? null).toBeNull();
  });
});

describe('openers that say nothing yet', () => {
  it('does not take "quick question, or maybe not so quick" for a question about anything', async () => {
    const out = await predictDefault([['customer', 'Kwame Osei', 'hi there, quick question, or maybe not so quick']]);
    expect(out.title?.value).toBeNull();
    expect(out.category?.value).toBeNull();
  });

  it('does not pick a category from a topic named in passing before anything is said about it', async () => {
    const out = await predictDefault([
      ['customer', 'Dolores Vane', 'hey, got a sec?'],
      ['customer', 'Dolores Vane', "it's the app again 🙃"],
    ]);
    expect(out.category?.value).toBeNull();
    expect(out.title?.value).toBeNull();
  });

  it('still reads a short request that says what is needed', async () => {
    const out = await predictDefault([
      ['customer', 'Dolores Vane', 'Hi! I need to return an item, can you help me with that?'],
    ]);
    expect(out.category?.value).toBe('Returns & refunds');
  });
});

describe('a topic named without the problem', () => {
  it('leaves title, category and priority unknown for "something weird with my account?"', async () => {
    const out = (
      await createOfflinePredictor().predict(
        input(
          [['customer', 'Marguerite Olsen', 'hi IT, are you the right people for something weird with my account?']],
          {
            fields: IT_FIELDS,
          },
        ),
      )
    ).fields;
    expect(out.title?.value ?? null).toBeNull();
    expect(out.category?.value ?? null).toBeNull();
    expect(out.priority?.value ?? null).toBeNull();
  });
});

describe('a problem no concept names', () => {
  it('is known from the sentence that says plainly what is wrong, and titled from it', async () => {
    const out = await predictDefault([
      ['customer', 'Robin Hale', 'Hiya, I have two orders with you'],
      [
        'customer',
        'Robin Hale',
        'the second box turned up this morning and instead of 4 tins of sage paint there are 4 tins of mustard',
      ],
    ]);
    expect(out.title?.value).toMatch(/^The second box turned up/);
    expect(out.priority?.value).toBe('Normal');
  });

  it('is not known from a bare "I have a problem", or one announced about an order', async () => {
    for (const lines of [
      [
        ['customer', 'Chiara L', "Salve, vi scrivo per l'ordine VO-301177"],
        ['customer', 'Chiara L', 'ho un problema'],
      ],
      [
        ['customer', 'Chiara L', 'Buongiorno'],
        ['customer', 'Chiara L', 'Ho un problema con un ordine che ho fatto ieri.'],
      ],
    ] as Line[][]) {
      const out = await predictDefault(lines);
      expect(out.title?.value ?? null).toBeNull();
      expect(out.priority?.value ?? null).toBeNull();
    }
  });
});
