import { describe, expect, it } from 'vitest';
import { transcript } from './helpers.js';

const readOut = 'I can see order 55-1234, the Ember table lamp in sage, delivered on Monday.';
const after = (reply: string) =>
  transcript([
    ['customer', 'Noor Hale', 'hi, my lamp came with a dented shade'],
    ['agent', 'Ivo (Lampworks)', readOut],
    ['customer', 'Noor Hale', reply],
  ]).turns[1]?.rejected;

describe('a reply starting with "no" to an order read-out', () => {
  it('keeps the read-out when the "no" turns something else down or says the rest is fine', () => {
    const replies = ['no refund, just send the right one please', 'no, the total is fine, the shade is dented'];
    expect([...replies, 'no rush', 'no all good'].map(after)).toEqual([false, false, false, false]);
  });

  it('still rejects it when the reply disputes it', () => {
    const replies = ["no, that's not my order", 'no, it was the blue one', 'no, the lamp is fine, it was the grey one'];
    expect([...replies, 'no', "no that's the wrong one"].map(after)).toEqual([true, true, true, true, true]);
  });
});
