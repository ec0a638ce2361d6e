import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProductCorpus, trainProductTagger } from '../../../core/predict/offline/product-tagger.js';
import { findProduct, isProductNoun, productTagger } from '../../../core/predict/offline/products.js';
import { fold } from '../../../core/predict/offline/text.js';
import { type Line, transcript } from './helpers.js';

const CORPUS = new URL('../../../core/predict/offline/corpus/products/', import.meta.url);

describe('the product-mention corpus', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'));
  const rows = files.flatMap((file) =>
    readFileSync(new URL(file, CORPUS), 'utf8')
      .split('\n')
      .map((line, i) => ({ line, where: `${file}:${i + 1}` }))
      .filter(({ line }) => line.trim()),
  );

  it('has every line a sentence labelled with a product it contains, or null', () => {
    expect(rows.length).toBeGreaterThanOrEqual(2500);
    for (const { line, where } of rows) {
      const row = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(row).sort(), where).toEqual(['lang', 'product', 'role', 'text']);
      expect(['en', 'es', 'de', 'fr', 'pt', 'it', 'nl'], where).toContain(row.lang);
      expect(['customer', 'agent', 'bot'], where).toContain(row.role);
      expect(String(row.text).trim().length, where).toBeGreaterThan(0);
      if (row.product !== null) {
        expect(typeof row.product, where).toBe('string');
        expect(fold(String(row.text)), where).toContain(fold(String(row.product)));
      }
    }
  });

  it('is not all English and not all products', () => {
    const parsed = rows.map(({ line }) => JSON.parse(line) as { lang: string; product: string | null });
    expect(parsed.filter((r) => r.lang !== 'en').length / parsed.length).toBeGreaterThanOrEqual(0.15);
    expect(parsed.filter((r) => r.product === null).length / parsed.length).toBeGreaterThanOrEqual(0.2);
  });

  it('is read apart from the concept classifier corpus, which reads only corpus/*.jsonl', () => {
    expect(
      readdirSync(new URL('..', CORPUS))
        .filter((f) => f.endsWith('.jsonl'))
        .every((f) => !f.includes('/')),
    ).toBe(true);
    expect(loadProductCorpus().length).toBe(rows.length);
  });
});

describe('the product tagger', () => {
  it('tags a product it has never seen, by its shape and place in the sentence', () => {
    const spans = productTagger().tag('the Quillmont Aria harp arrived with a snapped string');
    expect(spans.map((s) => s.value)).toEqual(['Quillmont Aria harp']);
    expect(spans[0]!.confidence).toBeGreaterThan(0.8);
    expect(productTagger().tag('ordered a trellis planter from you last week and it came in pieces')[0]?.value).toBe(
      'trellis planter',
    );
    expect(productTagger().tag('hola, mi tostadora Brenvia no calienta')[0]?.value).toContain('Brenvia');
  });

  it('finds nothing in greetings, order numbers, emails and delivery complaints', () => {
    for (const text of [
      'hello, anyone there?',
      'order number is ORD-55821',
      'my email is kim.lee@example.com',
      "the parcel still hasn't arrived",
      'thanks so much, have a good day',
    ]) {
      expect(productTagger().tag(text), text).toEqual([]);
    }
  });

  it('trains the same model from the same corpus every time', () => {
    const examples = loadProductCorpus().slice(0, 400);
    const a = trainProductTagger(examples, { isProductNoun, epochs: 3 });
    const b = trainProductTagger(examples, { isProductNoun, epochs: 3 });
    for (const text of [
      'my Lumora X2 lamp flickers',
      'the blue hoodie shrank',
      'hi there',
      'la cafetera Brisa gotea',
    ]) {
      expect(a.tag(text)).toEqual(b.tag(text));
    }
  });

  it('learns from what it is given: an empty corpus tags nothing', () => {
    expect(trainProductTagger([]).tag('my Lumora X2 lamp flickers')).toEqual([]);
  });

  it('skips a malformed corpus line and keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'products-'));
    try {
      writeFileSync(
        join(dir, 'a.jsonl'),
        '{"lang":"en","role":"customer","text":"my lamp broke","product":"lamp"}\nnot json\n{"text":1}\n' +
          '{"lang":"en","role":"customer","text":"hi","product":null}\n',
      );
      expect(loadProductCorpus(`${dir}/`)).toEqual([
        { text: 'my lamp broke', product: 'lamp' },
        { text: 'hi', product: null },
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('findProduct with the tagger behind the rules', () => {
  const productOf = (lines: Line[]) => findProduct(transcript(lines), undefined);

  it('names the product the rules have no noun for, with the customer turn as evidence', () => {
    const found = productOf([
      ['customer', 'Ana', 'hi'],
      ['customer', 'Ana', 'the Quillmont Aria harp arrived with a snapped string'],
      ['agent', 'Sam', 'Sorry to hear that! Could you send a photo?'],
    ]);
    expect(found?.value).toBe('Quillmont Aria harp');
    expect(found?.evidence).toEqual(['m2']);
    // Less sure than any rule.
    expect(found!.confidence).toBeLessThan(0.6);
  });

  it('still lets the rules answer when they find something', () => {
    expect(productOf([['customer', 'A', 'does the Trailrunner 2 backpack fit a 16 inch laptop?']])?.value).toBe(
      'Trailrunner 2 backpack',
    );
  });

  it('names nothing when no product is said, and does not take an agent question as one', () => {
    expect(
      productOf([
        ['customer', 'Kim', 'hello, my order ORD-55821 still has not arrived'],
        ['customer', 'Kim', 'my email is kim.lee@example.com'],
        ['agent', 'Sam', 'Thanks Kim, I have opened a trace with the courier.'],
      ]),
    ).toBeNull();
    expect(
      productOf([
        ['customer', 'Kim', 'hi, I need some help'],
        ['agent', 'Sam', 'Is it the Quillmont Aria harp?'],
        ['customer', 'Kim', 'not sure tbh'],
      ]),
    ).toBeNull();
  });

  it('reads a product the agent sees on the order when the customer named none', () => {
    expect(
      productOf([
        ['customer', 'Kim', 'hi, my order ORD-55821 came damaged'],
        ['agent', 'Sam', 'Sorry! I can see the order: 1 x Quillmont Aria hammock in green.'],
      ])?.value,
    ).toBe('Quillmont Aria hammock');
  });

  it('names the generic item the rules found with the model the customer named', () => {
    const found = productOf([
      ['customer', 'A', 'my e-bike will not charge anymore'],
      ['customer', 'A', 'got the Voltera 700 in May, order KB-22190'],
    ]);
    expect(found?.value).toBe('Voltera 700 e-bike');
    expect(found?.evidence).toEqual(['m2']);
    // Something else named is not the item's model.
    expect(
      productOf([
        ['customer', 'A', 'my e-bike will not charge anymore'],
        ['customer', 'A', 'I have Android 14 on my phone if that matters'],
      ])?.value,
    ).toBe('E-bike');
  });

  it('names a two-word generic item too ("starter set") when the customer named the model', () => {
    expect(
      productOf([
        [
          'customer',
          'A',
          'I need to change order KT-2291. I picked the Velvo Cargo Trike Plus but wanted the starter set',
        ],
      ])?.value,
    ).toMatch(/^Velvo Cargo Trike Plus/);
    expect(productOf([['customer', 'A', 'the starter set I ordered arrived with two pieces missing']])?.value).toBe(
      'Starter set',
    );
  });
});
