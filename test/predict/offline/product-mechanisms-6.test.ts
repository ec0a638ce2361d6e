import { describe, expect, it } from 'vitest';
import { findProduct } from '../../../core/predict/offline/products.js';
import { type Line, transcript } from './helpers.js';

const productOf = (lines: Line[]) => findProduct(transcript(lines), undefined)?.value ?? null;

describe('labels, verbs and places are no product names', () => {
  it('does not take the label of a tab the customer taps for a product', () => {
    expect(
      productOf([['customer', 'Rae Tan', 'the screen goes white every time i press My Tickets, gig is at 8']]),
    ).not.toBe('My Tickets');
  });

  it('drops the verb after a modal from the noun phrase of what fails', () => {
    expect(productOf([['customer', 'Jo Marr', "since the update i can't pair earbuds with it at all"]])).toBe(
      'Earbuds',
    );
  });

  it('does not take a merchant a card payment went to for the product', () => {
    expect(
      productOf([
        ['customer', 'Ivy Lund', 'hello, something odd with my card, i was charged twice for one lunch'],
        [
          'agent',
          'Sam (Lumo Bank)',
          'I can see two payments of £12.80 to Pebble Street Kitchen on your Lumo Everyday debit card.',
        ],
      ]),
    ).toBe('Lumo Everyday');
  });

  it('does not take a venue for the product, nor a chat word the name ran on into', () => {
    const value = productOf([
      ['customer', 'Ben Ode', 'quick question: is the gallery at the Old Vale Theatre ok for kids under 5?'],
    ]);
    expect(value ?? '').not.toMatch(/Vale Theatre/);
  });

  it('drops a chat word the tagger ran a name on into', () => {
    const value = productOf([['customer', 'Ben Ode', 'quick question: is the Old Vale Theatre ok for kids under 5?']]);
    expect(value ?? '').not.toMatch(/ ok$/);
  });

  it('keeps the hotel a stay is booked at', () => {
    expect(
      productOf([['customer', 'Ada Vos', 'I booked 2 nights at the Quayside Grand Hotel in Bergen from friday']]),
    ).toBe('Quayside Grand Hotel');
  });
});

describe('the customer says which one of its kind the item is', () => {
  it('takes "it\'s the … one" with the noun of the item brought up', () => {
    expect(
      productOf([
        ['customer', 'Mia Holt', 'my new rug has a dye stain right in the middle'],
        ['customer', 'Mia Holt', "order 551238, it's the 160x230 hand-tufted wool one"],
      ]),
    ).toBe('160x230 hand-tufted wool rug');
  });

  it('keeps the plain noun that follows a named model, decimals and all', () => {
    expect(
      productOf([
        ['customer', 'Guest 1', 'the display on my new router keeps flashing and the heating is off'],
        ['customer', 'Guest 1', 'its the Thermalux 2.5kW boiler you fitted last month'],
      ]),
    ).toBe('Thermalux 2.5kW boiler');
  });
});

describe('tickets and passes read off an order', () => {
  it('names tickets after the show they are for, with their kind', () => {
    expect(
      productOf([
        ['customer', 'Ola Ny', 'the app will not show my tickets'],
        ['agent', 'Kim (Showbox)', 'I see order SB-55120, 2x Balcony tickets for Moonlit Parade.'],
      ]),
    ).toBe('Moonlit Parade balcony tickets');
  });

  it('ends a looked-up item at "paid"', () => {
    expect(
      productOf([
        ['customer', 'Ed Fox', 'my membership says expired'],
        ['agent', 'Lu (Gymly)', 'I can see the Gold Membership 2027 paid on 3 June, let me re-sync it.'],
      ]),
    ).toBe('Gold Membership 2027');
  });
});

describe('books by title', () => {
  it('names a book by its quoted title and format', () => {
    expect(
      productOf([
        ['customer', 'Kit Moss', 'I want to send back a novel, it came with a torn cover'],
        ['customer', 'Kit Moss', 'It\'s "The Winter Ferry" by J. Adeyemi, paperback'],
      ]),
    ).toBe('The Winter Ferry paperback');
  });

  it('reads hardback as a book a title comes before', () => {
    expect(
      productOf([['customer', 'Kit Moss', 'my pre-order of The Copper Lantern hardback still shows as pending']]),
    ).toBe('The Copper Lantern hardback');
  });
});

describe('measures and batch numbers on an order line', () => {
  it('reads neither a size as an order reference nor a batch number as the item', () => {
    expect(
      productOf([
        ['customer', 'Pia Rowe', 'the night cream you sent has separated and smells off'],
        [
          'agent',
          'Dom (Skinly)',
          'Sorry Pia. I see the Velvet 5% Retinol Night Cream, 50ml, batch 31C07 on that order.',
        ],
      ]),
    ).toBe('Velvet 5% Retinol Night Cream');
  });
});
