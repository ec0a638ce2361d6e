import { describe, expect, it } from 'vitest';
import { findPersonName, isRealDisplayName, looksLikeName } from '../../../core/predict/offline/names.js';
import { transcript } from './helpers.js';

describe('display names', () => {
  it('accepts real names and rejects anonymous placeholders', () => {
    expect(isRealDisplayName('Maria Lopez')).toBe(true);
    expect(isRealDisplayName("Sam O'Neill")).toBe(true);
    expect(isRealDisplayName('Lucía Fernández')).toBe(true);
    expect(isRealDisplayName('Visitor 1234')).toBe(false);
    expect(isRealDisplayName('Guest 7712')).toBe(false);
    expect(isRealDisplayName('Customer')).toBe(false);
  });

  it('tells names from capitalised words', () => {
    expect(looksLikeName('Jude', { strict: true })).toBe(true);
    expect(looksLikeName('Thanks', { strict: true })).toBe(false);
    expect(looksLikeName('Business', { strict: true })).toBe(false);
  });
});

describe('findPersonName', () => {
  it('uses a real display name from the first message', () => {
    const t = transcript([['customer', 'Maria Lopez', 'my order still hasnt arrived']]);
    expect(findPersonName(t, undefined)).toMatchObject({ value: 'Maria Lopez', evidence: ['m1'] });
  });

  it('knows no name for an anonymous visitor until one is stated', () => {
    const t = transcript([
      ['customer', 'Visitor 2291', 'cant log in to my account'],
      ['agent', 'Jordan (Brightpath)', 'Hi there, I am Jordan. Which email is it?'],
    ]);
    expect(findPersonName(t, undefined)).toBeNull();
  });

  it('reads a sign-off but not the agent being thanked', () => {
    const t = transcript([
      ['customer', 'Visitor 5530', 'password reset emails arent coming through'],
      ['agent', 'Alex (Parcelly)', 'Found it, sent a new one.'],
      ['customer', 'Visitor 5530', 'no thats all. thanks Alex — Jude'],
    ]);
    expect(findPersonName(t, undefined)?.value).toBe('Jude');
    const full = transcript([['customer', 'Visitor 2291', 'thank you so much!! - Dana Whitfield']]);
    expect(findPersonName(full, undefined)?.value).toBe('Dana Whitfield');
  });

  it('reads a reply to the agent asking for the name, and a first-name correction keeps the surname', () => {
    const t = transcript([
      ['customer', 'Visitor 1187', 'can I change an order I placed an hour ago?'],
      ['agent', 'Rosa (Petal Post)', "What's the order number and your name?"],
      ['customer', 'Visitor 1187', 'PP-40912, Katherine Moss'],
      ['agent', 'Rosa (Petal Post)', 'Thanks Katherine.'],
      ['customer', 'Visitor 1187', "it's Kathryn actually, with a y, sorry autocorrect"],
    ]);
    expect(findPersonName(t, undefined)).toMatchObject({ value: 'Kathryn Moss', evidence: ['m5'] });
  });

  it('reads the name given when the agent asks which name to use', () => {
    for (const ask of [
      'Happy to. What name should I write on the invoice?',
      '¿A qué nombre hago la reserva?',
      'Très bien, quel nom dois-je indiquer ?',
      'Welchen Namen soll ich eintragen?',
      'Welke naam moet ik noteren?',
      'Che nome metto sulla prenotazione?',
    ]) {
      const t = transcript([
        ['customer', 'Guest 5120', 'can I book a table for four on friday?'],
        ['agent', 'Lena', ask],
        ['customer', 'Guest 5120', 'Tomasz Wierzba'],
      ]);
      expect(findPersonName(t, undefined)?.value, ask).toBe('Tomasz Wierzba');
    }
  });

  it('reads introductions in other languages and the name on the order', () => {
    const es = transcript([['customer', 'Visitor 8', 'hola, me llamo Lucía Fernández y tengo un problema']]);
    expect(findPersonName(es, undefined)?.value).toBe('Lucía Fernández');
    const order = transcript([['customer', 'Visitor 3012', "the name on the order should be Sam O'Neill"]]);
    expect(findPersonName(order, undefined)?.value).toBe("Sam O'Neill");
  });

  it('does not take "I\'m in finance" or "I\'m a bronze member" as names', () => {
    const t = transcript([
      ['customer', 'Visitor 1', "I'm in finance"],
      ['customer', 'Visitor 1', "I'm a bronze member"],
    ]);
    expect(findPersonName(t, undefined)).toBeNull();
  });

  it('falls back to the bot escalation value', () => {
    const t = transcript([['customer', 'Guest 1', 'google calendar sync fails']]);
    expect(findPersonName(t, 'Hiroshi Sato')?.value).toBe('Hiroshi Sato');
  });
});
