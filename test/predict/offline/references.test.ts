import { describe, expect, it } from 'vitest';
import { defaultFields } from '../../../core/fields.js';
import { examplePrefixes, findReference } from '../../../core/predict/offline/references.js';
import { field, IT_FIELDS, transcript } from './helpers.js';

const order = field('orderNumber');

describe('order numbers', () => {
  it('reads the hint examples and common forms, kept as written', () => {
    expect(examplePrefixes(order)).toEqual(['ORD']);
    const cases: Array<[string, string]> = [
      ['order is ORD-48213', 'ORD-48213'],
      ['Order #604118', '#604118'],
      ['commande n° 448120', '448120'],
      ['invoice INV-2026-00418', 'INV-2026-00418'],
      ['Order ID: 3348917502', '3348917502'],
      ['it was PP-40912', 'PP-40912'],
    ];
    for (const [text, want] of cases) {
      expect(findReference(order, defaultFields(), transcript([['customer', 'A B', text]]))?.value).toBe(want);
    }
  });

  it('takes the order the issue is about, not one the conversation sets aside', () => {
    const t = transcript([
      ['customer', 'Arjun Mehta', 'ORD-30117 came last week, all good'],
      ['customer', 'Arjun Mehta', 'but ORD-30452 arrived today and the box was missing the lid'],
    ]);
    expect(findReference(order, defaultFields(), t)?.value).toBe('ORD-30452');
  });

  it('counts an order number the agent states, but not one in an unconfirmed question', () => {
    const stated = transcript([
      ['customer', 'Grace W', 'I want to change the delivery address'],
      ['agent', 'Ines (Loftwork)', 'I see your order ORD-55120 here.'],
    ]);
    expect(findReference(order, defaultFields(), stated)).toMatchObject({ value: 'ORD-55120', evidence: ['m2'] });
    const asked = transcript([
      ['customer', 'Grace W', 'I want to change the delivery address'],
      ['agent', 'Ines (Loftwork)', 'Is it order ORD-55120?'],
      ['customer', 'Grace W', 'no, another one'],
    ]);
    expect(findReference(order, defaultFields(), asked)).toBeNull();
  });

  it('reads a bare number answering the order question, and skips gift card codes', () => {
    const t = transcript([
      ['agent', 'Agent', 'may I have your order ID and email please?'],
      ['customer', 'Customer', '7916676427'],
      ['customer', 'Customer', 'my gift card code is 55512345'],
    ]);
    expect(findReference(order, defaultFields(), t)?.value).toBe('7916676427');
  });

  it('reads a bare number answering a request for the booking or invoice number in other languages', () => {
    const asks = [
      '¿Me indica el número de su reserva?',
      'Mi può dare il numero della fattura?',
      'Bitte nennen Sie mir Ihre Rechnungsnummer.',
    ];
    for (const ask of asks) {
      const t = transcript([
        ['customer', 'Lucía F', 'I was charged twice'],
        ['agent', 'Agent', ask],
        ['customer', 'Lucía F', '48213957'],
      ]);
      expect(findReference(order, defaultFields(), t)?.value, ask).toBe('48213957');
    }
  });

  it("leaves another reference field's prefix (asset tags) alone", () => {
    const fields = [...defaultFields(), ...IT_FIELDS.filter((f) => f.key === 'assetTag')];
    const t = transcript([['customer', 'Ethan W', 'my laptop is LT-04821']]);
    expect(findReference(order, fields, t)).toBeNull();
    expect(findReference(field('assetTag', IT_FIELDS), fields, t)?.value).toBe('LT-04821');
  });
});

describe('asset tags', () => {
  it('takes the latest tag given', () => {
    const t = transcript([
      ['customer', 'Ethan W', 'LT-04821'],
      ['customer', 'Ethan W', 'sorry wrong one, it is LT-04822'],
    ]);
    expect(findReference(field('assetTag', IT_FIELDS), IT_FIELDS, t)?.value).toBe('LT-04822');
  });
});

describe('order references of more shapes, and references that are something else', () => {
  const orderOf = (lines: Parameters<typeof transcript>[0]) =>
    findReference(order, defaultFields(), transcript(lines))?.value ?? null;

  it('keeps two letter groups before the number as one reference', () => {
    expect(orderOf([['customer', 'Jonas Berg', 'Buchungsnummer FW-RES-66120']])).toBe('FW-RES-66120');
    expect(orderOf([['agent', 'Mia', "That's invoice INV-SV-88213, I can see it."]])).toBe('INV-SV-88213');
  });

  it('does not take a cancellation or fault reference for the order', () => {
    expect(
      orderOf([['customer', 'Ann Lee', 'I have the cancellation email and everything, reference CAN-4471']]),
    ).toBeNull();
    expect(orderOf([['agent', 'Ravi', 'Your fault reference is XQ-903377, a text will confirm Thursday.']])).toBeNull();
  });

  it('takes the number the customer retypes after the agent could not find it', () => {
    expect(
      orderOf([
        ['customer', 'Lorcan Byrne', 'the cat tree from my order 7731902 arrived without the screws'],
        ['agent', 'Pat', "I can't find 7731902, could you double-check the number?"],
        ['customer', 'Lorcan Byrne', 'oops, 7731920. I mixed up the last two digits'],
        ['agent', 'Pat', 'Got it, 7731920. I can also see a separate order 7729814 for cat litter, is that one OK?'],
        ['customer', 'Lorcan Byrne', 'yes that one is fine'],
      ]),
    ).toBe('7731920');
  });

  it('does not read a phone number sent after "I can\'t find it" as a retyped order', () => {
    expect(
      orderOf([
        ['customer', 'Ann Lee', 'order PP-61-4470 never came'],
        ['agent', 'Ravi', "I can't find a phone number on it, what's the best one?"],
        ['customer', 'Ann Lee', '07700 900562'],
      ]),
    ).toBe('PP-61-4470');
  });

  it('sets aside an order said to have arrived fine, or named right after "otro pedido", as the product finder does', () => {
    expect(
      orderOf([
        ['customer', 'Leo Hart', 'order DO-615204 is missing the frame bolts'],
        ['customer', 'Leo Hart', 'DO-615377 arrived fine, thanks'],
      ]),
    ).toBe('DO-615204');
    expect(
      orderOf([
        ['customer', 'Lucía F', 'al pedido 5520139 le falta la tapa'],
        ['agent', 'Sam', 'Veo también otro pedido, 5518820, con una lámpara.'],
      ]),
    ).toBe('5520139');
  });

  it('sets aside an order named right after "a separate order"', () => {
    expect(
      orderOf([
        ['customer', 'Leo Hart', 'I need to move the delivery of my mattress, order DO-615204'],
        ['agent', 'Sam', 'The oak frame is on a separate order, DO-615377, coming on Tuesday.'],
      ]),
    ).toBe('DO-615204');
  });

  it('keeps "my second order" as the case\'s order when it is the only one named, but not one said to be fine', () => {
    expect(orderOf([['customer', 'Leo Hart', 'my second order, 55120, never arrived']])).toBe('55120');
    expect(orderOf([['customer', 'Leo Hart', 'I placed another order, #55120, and it never arrived']])).toBe('#55120');
    expect(orderOf([['customer', 'Leo Hart', '55120 came last week, all good']])).toBeNull();
  });

  it('reads a code after a brand as its model and one in brackets after a failure as an error, not as orders', () => {
    const one = (text: string) => orderOf([['customer', 'Rohan', text]]);
    expect(one('the plug on my Hearthline HX-200 heater melted a bit tonight')).toBeNull();
    expect(one('and then it says Payment could not be processed (PMT-409)')).toBeNull();
    expect(one('Order ORD-48213 is late')).toBe('ORD-48213');
    expect(
      orderOf([
        ['customer', 'Deshawn', 'i cancelled in february but you charged me again'],
        ['agent', 'Rina', 'Could you share the cancellation confirmation number from that email?'],
        ['customer', 'Deshawn', '4481207'],
      ]),
    ).toBeNull();
    expect(
      orderOf([
        ['customer', 'Deshawn', 'i cancelled in february but you charged me again'],
        ['agent', 'Rina', 'Could you share the cancellation confirmation number from that email?'],
        ['customer', 'Deshawn', 'CX-88120'],
        ['agent', 'Rina', 'Thanks, I can see CX-88120 was logged on Feb 11.'],
      ]),
    ).toBeNull();
    expect(one('Bestellnummer FW-4471-0932, das Handy ist nicht da')).toBe('FW-4471-0932');
    expect(one('auf meiner Rechnung RE-2026-0418877 stehen Roaminggebühren')).toBe('RE-2026-0418877');
  });

  it('sets aside the replacement order the agent places, not the order the case is about', () => {
    expect(
      orderOf([
        ['customer', 'Dmitri', 'my order #BT-60217 never arrived, tracking says exception'],
        ['agent', 'Marisol', 'Your new order is BT-61904, express, shipping today.'],
        ['customer', 'Dmitri', 'BT-61904, got it'],
      ]),
    ).toBe('BT-60217');
  });
});

describe('gift-card codes', () => {
  it('are not order numbers, with letters after the number or named as a gift card in any language', () => {
    const orderOf = (text: string) =>
      findReference(order, defaultFields(), transcript([['customer', 'Rita M', text]]))?.value ?? null;
    expect(orderOf('posso usar o cartão-oferta? o código é GC-5521-XKR')).toBeNull();
    expect(orderOf('mein Gutschein HB-88213 funktioniert nicht')).toBeNull();
    expect(orderOf('my order HB-88213 has not arrived')).toBe('HB-88213');
  });
});
