import { describe, expect, it } from 'vitest';
import { findProduct } from '../../../core/predict/offline/products.js';
import { type Line, transcript } from './helpers.js';

const productOf = (lines: Line[], escalation?: string) => findProduct(transcript(lines), escalation)?.value ?? null;

describe('product', () => {
  it('takes the noun phrase around a product noun, brand in front', () => {
    expect(productOf([['customer', 'A', 'does the Trailrunner 2 backpack fit a 16 inch laptop?']])).toBe(
      'Trailrunner 2 backpack',
    );
    expect(productOf([['customer', 'A', "its the cast iron dutch oven, it's a gift"]])).toBe('Cast iron dutch oven');
  });

  it('refines the subject with a more specific, confirmed mention', () => {
    expect(
      productOf([
        ['customer', 'A', 'I need to exchange shoes for a bigger size'],
        ['agent', 'Val', "That's the Metro Knit sneakers in 41, correct?"],
        ['customer', 'A', 'yes'],
      ]),
    ).toBe('Metro Knit sneakers');
    expect(
      productOf([
        ['customer', 'A', 'I need to exchange shoes for a bigger size'],
        ['agent', 'Val', "That's the Metro Knit sneakers in 41, correct?"],
        ['customer', 'A', 'no, the other ones'],
      ]),
    ).toBe('Shoes');
  });

  it('puts a foreign product noun into English with its brand', () => {
    expect(
      productOf([['customer', 'Lucía', 'compré una batidora AeroBlend 600 hace dos semanas y ya no funciona']]),
    ).toBe('AeroBlend 600 blender');
  });

  it('knows the common product nouns of the six other languages, past an elided article', () => {
    expect(
      productOf([['customer', 'Marco', "ho ordinato un'impastatrice Forza 5L rossa, vorrei annullare l'ordine"]]),
    ).toBe('Forza 5L stand mixer');
    expect(productOf([['customer', 'Joana', 'comprei uma geladeira Fria 300 e ela chegou amassada']])).toBe(
      'Fria 300 fridge',
    );
    expect(
      productOf([
        ['customer', 'Ruud', 'Goedemiddag, mijn wasmachine lekt sinds gisteren en ik weet niet wat ik moet doen'],
      ]),
    ).toBe('Washer');
    // The customer's own phone, in use, is no more a product in German than in English.
    expect(
      productOf([['customer', 'Jonas', 'ich habe ein neues Handy und komme nicht mehr in mein Konto']]),
    ).toBeNull();
  });

  it('reads the plan named in answer to "which plan?"', () => {
    expect(
      productOf([
        ['customer', 'A', 'export fails with an error'],
        ['agent', 'Marco', 'Which plan are you on?'],
        ['customer', 'A', "we're on Growth"],
      ]),
    ).toBe('Growth plan');
  });

  it('names the failing app after the shop', () => {
    const t = transcript([
      ['agent', 'Tess (FitTrack)', 'Hi! What can I do for you?'],
      ['customer', 'A', 'the app keeps crashing 😩'],
    ]);
    expect(findProduct(t, undefined)?.value).toBe('FitTrack app');
  });

  it('ignores side questions, replacements and devices in use', () => {
    expect(
      productOf([
        ['customer', 'A', 'the Marlow 3-seater in sage is way bigger than we thought'],
        ['customer', 'A', 'sorry random question, is the Ellis sofa also available in sage? asking for my sister'],
      ]),
    ).toBe('Marlow 3-seater');
    expect(productOf([['customer', 'A', "idk I'll try from my laptop first"]])).toBeNull();
    expect(productOf([['customer', 'A', "I've got a promo code, I'd like to buy some hats"]])).toBeNull();
  });
});

describe('what is no product', () => {
  it('skips a date, a button clicked, and the please of a request', () => {
    expect(
      productOf([
        ['customer', 'Deshawn', 'you charged me $59.99 again after I cancelled'],
        ['agent', 'Rina', 'I can see the cancellation was logged on Feb 11 but the renewal job missed it.'],
      ]),
    ).toBeNull();
    expect(
      productOf([['customer', 'Aurelia', 'so people click book on a class and it says payment failed']]),
    ).toBeNull();
    expect(
      productOf([
        ['customer', 'Hamid', "I can't log in, it says too many attempts"],
        ['agent', 'Sol', 'Unlocked. Please set up separate accountant access under Settings.'],
      ]),
    ).toBeNull();
    expect(productOf([['customer', 'A', 'the tea set I ordered arrived with a cracked cup']])).toBe('Tea set');
  });
});

describe("the shop's own app", () => {
  it('is how the device the customer names is used, not the product; another app stays the product', () => {
    const lines: Line[] = [
      ['customer', 'Guest 2086', "the brightnest app won't find my new smart plug"],
      ['customer', 'Guest 2086', 'its the Brightnest Mini Plug, the light just blinks orange'],
      ['agent', 'Oskar (Brightnest)', 'Hi! Orange blinking means it is in pairing mode.'],
    ];
    expect(productOf(lines)).toBe('Brightnest Mini Plug');
    expect(productOf(lines.map(([r, a, t]) => [r, a.replace('Brightnest', 'Plugwise'), t] as Line))).toBe(
      'Brightnest app',
    );
  });
});

describe('a replacement the agent sends', () => {
  it('names the same item when it replaces "your X", another one when sent instead', () => {
    expect(
      productOf([
        ['customer', 'Kagiso', 'tracking says delivered saturday, nothing came'],
        ['agent', 'Sunny', "I'll raise it with the courier and send a replacement of your linen throw today."],
      ]),
    ).toBe('Linen throw');
    expect(
      productOf([
        ['customer', 'Kagiso', 'tracking says delivered saturday, nothing came'],
        ['agent', 'Sunny', "I'll send a replacement of your order with the wool blanket instead."],
      ]),
    ).toBeNull();
  });
});

describe("the shop's name", () => {
  it('is no product, also when only its bot has named the shop so far', () => {
    expect(
      productOf([
        ['bot', 'Aria', "Hi! I'm Aria, Sprout Box's virtual assistant. What's your question?"],
        ['customer', 'Nora', 'my Sprout Box delivery on friday will not work, can we move it'],
      ]),
    ).toBeNull();
    expect(productOf([['customer', 'Nora', 'my Sprout Box delivery on friday will not work, can we move it']])).toBe(
      'Sprout Box',
    );
  });
});
