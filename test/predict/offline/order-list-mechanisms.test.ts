import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../core/fields.js';
import { findReference } from '../../../core/predict/offline/references.js';
import { field, type Line, transcript } from './helpers.js';

const order = field('orderNumber');
const ref = (...lines: Line[]) => findReference(order, defaultFields(), transcript(lines))?.value ?? null;

describe('order numbers said the way customers say them', () => {
  it('keeps a two-letter prefix that looks like a Spanish article ("order EL-70215")', () => {
    expect(ref(['customer', 'A B', "it's the VoltPak 20000, order EL-70215"])).toBe('EL-70215');
    expect(ref(['customer', 'A B', 'el número de pedido es el 448120'])).toBe('448120');
  });

  it('reads numbers a few words after the order word, and "nº"', () => {
    expect(ref(['customer', 'A B', 'oi, fiz um pedido ontem (nº 301554) e escolhi o tamanho errado'])).toBe('301554');
    expect(ref(['customer', 'A B', 'my order from last week, 20 items, arrived fine'])).toBe(null);
  });

  it('takes the one of several listed orders that the issue is about', () => {
    expect(
      ref(
        ['customer', 'A B', 'Hello! I have two orders with you, 10293 and 10311'],
        ['agent', 'C D', 'Happy to help, what is going on?'],
        ['customer', 'A B', '10293 was fine, lovely ferns. but 10311 was meant to be a fig and i got a rubber plant'],
      ),
    ).toBe('10311');
  });

  it('reads a number given on its own line after naming the order', () => {
    expect(
      ref([
        'customer',
        'A B',
        'hi i placed an order 20 min ago by mistake, can you cancel it before it ships? its 7781-2045',
      ]),
    ).toBe('7781-2045');
    // Without an order named, a bare dashed number may be anything (a phone extension, a postcode).
    expect(ref(['customer', 'A B', 'can you call me back? its 7781-2045'])).toBe(null);
  });
});
