import { describe, expect, it } from 'vitest';
import { findAffectedCount } from '../../../core/predict/offline/numbers.js';
import { type Line, transcript } from './helpers.js';

const countOf = (lines: Line[]) => findAffectedCount(transcript(lines))?.value ?? null;

describe('affected people', () => {
  it('reads stated counts', () => {
    expect(countOf([['customer', 'A', "we're 14 people and the invites have to go out"]])).toBe(14);
    expect(countOf([['customer', 'A', 'all 12 of us are stuck']])).toBe(12);
    expect(countOf([['customer', 'A', 'just me as far as I know']])).toBe(1);
  });

  it('takes the correction, not the number being corrected', () => {
    expect(
      countOf([
        ['customer', 'A', 'about 5 of us in the ops corner'],
        ['customer', 'A', "I'd say it's more like 20 of us on the 3rd floor, not 5"],
      ]),
    ).toBe(20);
  });

  it('does not count things that are not people, or "thought it was just me"', () => {
    expect(countOf([['customer', 'A', "there's like 40 transactions on the 28th"]])).toBeNull();
    expect(countOf([['customer', 'B', 'yes!! thought it was just me']])).toBeNull();
  });
});
