import { describe, expect, it } from 'vitest';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { input, type Line } from './helpers.js';

const predictor = createOfflinePredictor();
async function predicted(lines: Line[]) {
  const p = (await predictor.predict(input(lines))).fields;
  return { category: p.category?.value ?? null, priority: p.priority?.value ?? null };
}
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

/** The Product defect hint: "faulty, broken, arrived damaged … or unsafe, even if the customer wants a refund". */
describe('defects in everyday words, even with a refund asked for', () => {
  it('reads goods that came with pests as faulty', async () => {
    const lines = say('the basil and mint plants from my order arrived covered in aphids', 'can I get my money back?');
    expect((await predicted(lines)).category).toBe('Product defect');
  });

  it('reads pages printed far too dark or with lines across as a print fault', async () => {
    const lines = say(
      'our photobook came and the pages are printed way too dark, you can barely see the faces',
      "I'd like a refund please",
    );
    expect((await predicted(lines)).category).toBe('Product defect');
    const lines2 = say('the prints have green lines across every photo', 'refund please');
    expect((await predicted(lines2)).category).toBe('Product defect');
  });

  it('reads a product that injured the user as unsafe: a defect, and Urgent', async () => {
    const lines = say(
      'I used the hair dye last night as instructed and my scalp is red raw and blistering this morning',
      'I want a full refund',
    );
    expect(await predicted(lines)).toEqual({ category: 'Product defect', priority: 'Urgent' });
  });
});
