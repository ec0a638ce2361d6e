import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, conceptModel, features, trainTextModel } from '../../../core/predict/offline/classifier.js';
import { CONCEPTS } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { type IT_FIELDS, input, type Line } from './helpers.js';

const CORPUS = new URL('../../../core/predict/offline/corpus/', import.meta.url);
const KNOWN = new Set([...CONCEPTS.map((c) => c.id), 'none', 'billing_question']);

describe('the support-utterance corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'));

  it('has corpus files, every line a labelled utterance of a concept the lexicon knows', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      readFileSync(new URL(file, CORPUS), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.trim()) return;
          const row = JSON.parse(line) as Record<string, unknown>;
          const where = `${file}:${i + 1}`;
          expect(Object.keys(row).sort(), where).toEqual(['concept', 'lang', 'text']);
          expect(KNOWN.has(row.concept as string), `${where} concept ${String(row.concept)}`).toBe(true);
          expect(['en', 'es', 'de', 'fr', 'pt', 'it', 'nl'], where).toContain(row.lang);
          expect(String(row.text).trim().length, where).toBeGreaterThan(0);
        });
    }
  });
});

describe('the concept classifier', () => {
  it('learns from examples and answers with a probability', () => {
    const model = trainTextModel([
      { label: 'late', text: 'my parcel is very late' },
      { label: 'late', text: 'the delivery is overdue by a week' },
      { label: 'none', text: 'hi there, thanks' },
      { label: 'none', text: 'ok thank you, bye' },
    ]);
    const guess = classify(model, 'the parcel is overdue');
    expect(guess?.label).toBe('late');
    expect(guess?.probability).toBeGreaterThan(0.5);
    expect(classify(model, 'zebra quantum')).toBeNull();
  });

  it('reads a sentence the same whether or not training remembers the words it has tokenised', () => {
    const cache = new Map<string, string | null>();
    const text = "Mon colis n'est pas arrivé, it's the 2nd order and the courier's app says 'delivered'";
    features('the courier lost it', cache);
    expect(features(text, cache)).toEqual(features(text));
    expect(features(text, cache)).toEqual(features(text, cache));
  });

  it('reads wording the lexicon has no pattern for, from the bundled corpus', () => {
    expect(classify(conceptModel(), 'left my work laptop on the tram last night')?.label).toBe('lost_device');
    expect(classify(conceptModel(), 'the heater gives off a smell like melting plastic')?.label).toBe('unsafe');
  });
});

describe('the classifier inside the predictor', () => {
  const predict = async (lines: Line[], fields?: typeof IT_FIELDS) =>
    (await createOfflinePredictor().predict(input(lines, { fields }))).fields;

  it('picks the category from a learned reading when the lexicon has no pattern for the sentence', async () => {
    const fields = await predict([['customer', 'Robin Hale', 'somebody got into my account and changed the email']]);
    expect(fields.category?.value).toBe('Account access');
  });

  it('does not let a learned reading alone raise the priority: the lexicon has to agree', async () => {
    const fields = await predict([
      ['customer', 'Robin Hale', 'my voicemail stopped working after the update last week'],
      ['customer', 'Robin Hale', "people calling me get 'this mailbox has not been set up' but I set it up years ago"],
    ]);
    expect(fields.priority?.value).toBe('Normal');
  });
});
