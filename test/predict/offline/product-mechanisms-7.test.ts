import { describe, expect, it } from 'vitest';
import { findProduct } from '../../../core/predict/offline/products.js';
import { type Line, transcript } from './helpers.js';

const productOf = (lines: Line[]) => findProduct(transcript(lines), undefined)?.value ?? null;

describe('a "no" about where a parcel was left', () => {
  it('keeps the item the agent read out when the customer only disputes the drop-off place', () => {
    expect(
      productOf([
        ['customer', 'Ola Berg', 'tracking says delivered, nothing here'],
        [
          'agent',
          'Kim (Fjell Sport)',
          'I see FS-50219, the Granite 40 trekking poles, left at 14:20. The photo shows a red porch. Is that yours?',
        ],
        ['customer', 'Ola Berg', 'no, that is not our porch at all'],
      ]),
    ).toBe('Granite 40 trekking poles');
  });
});

describe('an agent reading out the order line', () => {
  it('reads a named item the agent sees on the order, with no article before it', () => {
    expect(
      productOf([
        ['customer', 'Lee Park', 'the wiper blades i ordered are too short for my car'],
        ['customer', 'Lee Park', 'order AP-55102-88'],
        ['agent', 'Mo (AutoPoint)', 'Let me check. I see Valeo VM 466 wiper blades on AP-55102-88. Which car is it?'],
      ]),
    ).toBe('Valeo VM 466 wiper blades');
  });

  it('ends a name read out in Portuguese where "in the order" begins', () => {
    const value = productOf([
      ['customer', 'Rui Sousa', 'a minha encomenda chegou com defeito'],
      ['agent', 'Ana (Casa Viva)', 'Vejo o Nordlys Lamp 3 na encomenda #CV-77120, entregue ontem.'],
    ]);
    expect(value ?? '').not.toMatch(/encomenda/);
  });
});

describe('product nouns in other languages', () => {
  it('records a Portuguese grinder and a German alternator in English', () => {
    expect(
      productOf([['customer', 'Rui Sousa', 'comprei o moinho Kord Duo 2 há duas semanas e já não funciona']]),
    ).toBe('Kord Duo 2 grinder');
    expect(productOf([['customer', 'Jan Weber', 'meine neue Lichtmaschine ist immer noch nicht angekommen']])).toBe(
      'Alternator',
    );
  });
});

describe('spelling of a product noun', () => {
  it('writes an electric bike as "E-bike" however it was typed', () => {
    expect(productOf([['customer', 'Tia Moss', 'the ebike i hired has a flat tyre and no lights']])).toBe('E-bike');
  });
});

describe('verbs are no products', () => {
  it('does not read "never set up" as a set', () => {
    expect(
      productOf([['customer', 'Vi Lund', 'it wants a security code by text but i never set up text codes on this']]) ??
        '',
    ).not.toMatch(/set/i);
  });
});

describe('a package the agent names', () => {
  it('reads a named package off the agent’s reply', () => {
    expect(
      productOf([
        ['customer', 'Ida Crane', 'hi, the quote for our party on 3 June says 60 people but we said 45'],
        ['agent', 'Jon (Mill House)', "Sorry Ida, I'll redo it for 45 on the Twilight Supper package this afternoon."],
      ]),
    ).toBe('Twilight Supper package');
  });
});
