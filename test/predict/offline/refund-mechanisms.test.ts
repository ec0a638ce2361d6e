import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { type Line, transcript } from './helpers.js';

const refundOf = (lines: Line[]) => findRefundRequest(transcript(lines))?.value ?? null;

describe('refund requested: the latest statement wins', () => {
  it('reads "forget the refund" as withdrawing an earlier request', () => {
    expect(
      refundOf([
        ['customer', 'Olive B', 'the bag arrived split, I just want my money back'],
        ['agent', 'Mina (Shop)', 'I can refund it, or send a new one tomorrow, whichever you prefer.'],
        ['customer', 'Olive B', 'oh tomorrow is better actually, forget the refund, send the new one'],
      ]),
    ).toBe(false);
  });

  it('reads an offer ending "whichever you prefer" like a question', () => {
    expect(
      refundOf([
        ['customer', 'Olive B', 'the lamp arrived cracked'],
        ['agent', 'Mina (Shop)', 'I can refund it or send a replacement, whichever you prefer.'],
        ['customer', 'Olive B', 'a replacement please'],
      ]),
    ).toBe(false);
  });
});
