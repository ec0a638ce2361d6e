import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { findDeadlines } from '../../../core/predict/offline/dates.js';
import { type Line, NOW, transcript } from './helpers.js';

const refundOf = (lines: Line[]) => findRefundRequest(transcript(lines))?.value ?? null;
const one = (text: string, author = 'Ada Moss') => refundOf([['customer', author, text]]);
const dueOf = (text: string, now = NOW) =>
  findDeadlines(transcript([['customer', 'Robin Hale', text]], { now })).map((d) => d.date);

describe('a refund turned down with "no refund" in the other languages', () => {
  it('reads "niente rimborso", "geen terugbetaling" as declined, not one still waited for', () => {
    expect(one('no, niente rimborso, preferisco un albero nuovo', 'Giulia Romano')).toBe(false);
    expect(one('gewoon ruilen graag, geen terugbetaling', 'Sanne Bos')).toBe(false);
    expect(one('ik heb nog geen terugbetaling ontvangen', 'Sanne Bos')).toBeNull();
    expect(one('niente rimborso ricevuto finora', 'Giulia Romano')).toBeNull();
  });

  it('reads credit chosen over money transferred back as a refund declined', () => {
    const offer: Line = [
      'agent',
      'Sabine (Strompunkt)',
      'Es ergibt sich eine Überzahlung von 223 €. Soll ich Ihnen das zurücküberweisen oder als Guthaben verrechnen?',
    ];
    expect(refundOf([offer, ['customer', 'Jonas Weber', 'lassen Sie es als Guthaben, das passt schon']])).toBe(false);
    expect(refundOf([offer, ['customer', 'Jonas Weber', 'bitte zurücküberweisen']])).toBe(true);
  });
});

describe('dates that are not needed by, and needs said without the usual words', () => {
  it('does not read a visit that happened today, or being stuck on the bus today, as a deadline', () => {
    expect(dueOf('courier came today while I was at work and said a signature is needed')).toEqual([]);
    expect(dueOf("I use it to get to work, so I'm stuck taking the bus today")).toEqual([]);
    expect(dueOf('I need it today, I have a bus to catch')).toEqual(['2026-03-10']);
  });

  it("does not read the day of a ticket given up, or the customer's own drop-off plan, as a deadline", () => {
    expect(dueOf('i need to cancel my coach ticket for saturday and get a refund')).toEqual([]);
    expect(dueOf('great thanks, ill bring it by tomorrow')).toEqual([]);
    expect(dueOf('I need the tickets for saturday, they never arrived')).toEqual(['2026-03-14']);
  });

  it("reads tonight's class and an order to be placed today as needed today", () => {
    expect(dueOf('the app wont let me book tonights 7pm salsa class, it says my membership expired')).toEqual([
      '2026-03-10',
    ]);
    expect(dueOf('the cutoff for delivery is tonight at 8 so i really need to get it ordered today')).toEqual([
      '2026-03-10',
    ]);
    expect(dueOf('I ordered it today and need to change the colour')).toEqual([]);
  });

  it('reads a day and a month named in Dutch, Spanish and Italian', () => {
    expect(dueOf('ik heb ze nodig voor een workshop op 9 mei')).toEqual(['2026-05-09']);
    expect(dueOf('lo necesito para el 3 de abril, es para una boda')).toEqual(['2026-04-03']);
  });
});
