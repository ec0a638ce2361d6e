import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../../core/predict/offline/concepts.js';
import { corpusRows } from '../../../core/predict/offline/corpus-files.js';
import { LiteralPrefilter, requiredLiterals } from '../../../core/predict/offline/required-literals.js';
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

  it('gives no cue when an alternative has none, or the pattern uses what it does not read', () => {
    expect(requiredLiterals(String.raw`\brefund\b|[$€£]\d+`)).toBeNull();
    expect(requiredLiterals(String.raw`\u00e9t\u00e9`)).toBeNull();
    expect(requiredLiterals(String.raw`(\w+) \1`)).toBeNull();
    expect(requiredLiterals('(?<word>late)')).toBeNull();
  });
});

describe('literal prefilter', () => {
  it('marks a pattern possible only when one of its literals is in the text', () => {
    const filter = new LiteralPrefilter([['refund', 'money back'], ['tv'], null, ['a']]);
    expect([...filter.possible('i want my money back')]).toEqual([1, 0, 1, 1]);
    expect([...filter.possible('the tv is broken')]).toEqual([0, 1, 1, 1]);
  });

  it('never rules out a concept pattern that matches a corpus sentence', () => {
    const dir = fileURLToPath(new URL('../../../core/predict/offline/corpus/', import.meta.url));
    const texts = corpusRows(dir)
      .map((row) => row.text)
      .filter((text): text is string => typeof text === 'string')
      .map(fold);
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
  });
});
