import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../../core/predict/offline/concepts.js';
import { corpusRows } from '../../../core/predict/offline/corpus-files.js';
import { NAME_PATTERN_GUARDS } from '../../../core/predict/offline/names.js';
import {
  caselessView,
  guarded,
  LiteralPrefilter,
  mayMatch,
  requiredLiterals,
} from '../../../core/predict/offline/required-literals.js';
import { fold } from '../../../core/predict/offline/text.js';

const sorted = (source: string) => requiredLiterals(source)?.sort() ?? null;

describe('required literals of a pattern', () => {
  it('keeps a run of plain characters, and drops an optional one from it', () => {
    expect(sorted(String.raw`\brefunds?\b`)).toEqual(['refund']);
    expect(sorted(String.raw`\bcolou?r\b`)).toEqual(['colo']);
    expect(sorted(String.raw`\bwi-?fi\b`)).toEqual(['wi']);
  });

  it('needs one alternative of a group that must match, and nothing of an optional group', () => {
    expect(sorted(String.raw`\b(?:charged|billed) (?:twice|again)\b`)).toEqual(['billed', 'charged']);
    expect(sorted(String.raw`\b(?:charged|billed) twice\b`)).toEqual([' twice']);
    expect(sorted('(?:very )?(?:urgent|asap)')).toEqual(['asap', 'urgent']);
    expect(sorted(String.raw`\bnot\b|\bnever\b`)).toEqual(['never', 'not']);
  });

  it('reads nothing a look-around asks for, since it matches no text of its own', () => {
    expect(sorted(String.raw`(?<!\bsharing )\bscreen\b(?! share)`)).toEqual(['screen']);
  });

  it('reads \\p{…} as a class of characters in a Unicode pattern', () => {
    expect(requiredLiterals(String.raw`\p{Lu}\p{L}* here\b`, true)).toEqual([' here']);
    expect(requiredLiterals(String.raw`\p{Lu}\p{L}* here\b`)).toBeNull();
  });

  it('gives no cue when an alternative has none, or the pattern uses what it does not read', () => {
    expect(requiredLiterals(String.raw`\brefund\b|[$€£]\d+`)).toBeNull();
    expect(requiredLiterals(String.raw`\u00e9t\u00e9`)).toBeNull();
    expect(requiredLiterals(String.raw`(\w+) \1`)).toBeNull();
    expect(requiredLiterals('(?<word>late)')).toBeNull();
    expect(requiredLiterals('a\u{1F600}?', true)).toBeNull();
    expect(requiredLiterals('ab{,2}')).toBeNull();
    // A constructor, not a literal: the TypeScript target has no v-flag literals.
    // biome-ignore lint/complexity/useRegexLiterals: see above
    expect(guarded(new RegExp('[[a-z]--[aeiou]]x', 'v')).cue).toBeNull();
  });
});

describe('guarded pattern', () => {
  it('looks for the literals of a caseless pattern in the lower-cased text', () => {
    const intro = guarded(/\bmy name is\s+(\w+)/iu);
    expect(mayMatch(intro, 'My Name Is Ana', caselessView('My Name Is Ana'))).toBe(true);
    expect(mayMatch(intro, 'my order is late', caselessView('my order is late'))).toBe(false);
  });

  it('runs a caseless pattern on text past Latin-1, where case folding is more than lower-casing', () => {
    const plural = guarded(/\bthis is\b/iu);
    const text = 'thiſ iſ it';
    expect(plural.re.test(text)).toBe(true);
    expect(mayMatch(plural, text, caselessView(text))).toBe(true);
  });
});

const corpusTexts = () => {
  const dir = fileURLToPath(new URL('../../../core/predict/offline/corpus/', import.meta.url));
  return corpusRows(dir)
    .map((row) => row.text)
    .filter((text): text is string => typeof text === 'string');
};

describe('literal prefilter', () => {
  it('marks a pattern possible only when one of its literals is in the text', () => {
    const filter = new LiteralPrefilter([['refund', 'money back'], ['tv'], null, ['a']]);
    expect([...filter.possible('i want my money back')]).toEqual([1, 0, 1, 1]);
    expect([...filter.possible('the tv is broken')]).toEqual([0, 1, 1, 1]);
  });

  it('never rules out a concept pattern that matches a corpus sentence', () => {
    const texts = corpusTexts().map(fold);
    expect(texts.length).toBeGreaterThan(1000);
    const patterns = CONCEPTS.flatMap((concept) => concept.patterns);
    const filter = new LiteralPrefilter(patterns.map((p) => requiredLiterals(p.source)));
    const missed: string[] = [];
    let matched = 0;
    for (const text of texts) {
      const possible = filter.possible(text);
      for (const [i, pattern] of patterns.entries()) {
        if (!pattern.test(text)) continue;
        matched++;
        if (!possible[i]) missed.push(`${pattern.source.slice(0, 60)} | ${text}`);
      }
    }
    expect(matched).toBeGreaterThan(1000);
    expect(missed).toEqual([]);
    // Every pattern against every corpus sentence: about 2 s alone, but over 30 s when the whole suite shares two
    // busy cores.
  }, 120_000);
});

describe('name patterns', () => {
  it('are never skipped on a corpus sentence or a name-giving line they match', () => {
    const texts = [
      ...corpusTexts(),
      'Hi, my name is Ana Souza',
      "actually it's Megan",
      'Tiago, not Thiago',
      'Thanks, Carla',
      '- Jan',
      'Hi Ruben here',
      'Me llamo Lucía Pérez',
      'IM Priya Raman',
    ];
    const missed: string[] = [];
    let matched = 0;
    for (const text of texts) {
      const caseless = caselessView(text);
      for (const [re, guard] of NAME_PATTERN_GUARDS) {
        if (!re.test(text)) continue;
        matched++;
        if (!mayMatch(guard, text, caseless)) missed.push(`${re.source.slice(0, 40)} | ${text}`);
      }
    }
    expect(matched).toBeGreaterThan(8);
    expect(missed).toEqual([]);
  });
});
