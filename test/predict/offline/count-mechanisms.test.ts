import { describe, expect, it } from 'vitest';
import { findAffectedCount } from '../../../core/predict/offline/numbers.js';
import { type Line, transcript } from './helpers.js';

const countOf = (lines: Line[]) => findAffectedCount(transcript(lines))?.value ?? null;

describe('affected count', () => {
  it('does not read "none of us" as one person', () => {
    expect(countOf([['customer', 'Laura C', 'none of us in finance are getting external email']])).toBeNull();
  });

  it('takes a running total someone states', () => {
    expect(
      countOf([
        ['customer', 'Laura C', 'all 9 of us in finance I think'],
        ['customer', 'Grace M', 'payroll too, 3 of us'],
        ['agent', 'Hamid (IT)', 'So 12 so far. Anyone else?'],
      ]),
    ).toBe(12);
  });
});

describe('"of them" counts people only when the sentence is about people', () => {
  it('does not count 40 shirts as 40 people, but counts 12 colleagues who cannot log in', () => {
    expect(
      countOf([['customer', 'Leah K', 'we need 40 of them for the run on the 18th, will that make it?']]),
    ).toBeNull();
    expect(countOf([['customer', 'Leah K', "all 12 of them can't log in since the update"]])).toBe(12);
  });
});

describe('a head count in other languages', () => {
  it('counts "we are N" and N colleagues in Dutch, Italian, French and Spanish', () => {
    const say = (text: string) => countOf([['customer', 'Sanne V', text]]);
    expect(say('we zijn met 6 man op kantoor en niemand kan printen')).toBe(6);
    expect(say('siamo in 8 e nessuno riesce ad accedere')).toBe(8);
    expect(say('on est 5 sur le site et rien ne marche')).toBe(5);
    expect(say('somos unos 15 y ninguno puede entrar')).toBe(15);
    expect(say('4 colleghi non riescono a stampare')).toBe(4);
    expect(say('7 collega’s kunnen niet inloggen')).toBe(7);
  });

  it('does not read a Dutch "we zijn met de auto" as a count', () => {
    expect(countOf([['customer', 'Sanne V', 'we zijn met de auto gekomen om het op te halen']])).toBeNull();
  });
});

describe('the others who have it too', () => {
  it('counts the speaker plus "the other 3 … too", and "all four of you" from IT', () => {
    expect(
      countOf([
        ['customer', 'Mo A', 'the support@ shared mailbox disappeared from my Outlook'],
        ['customer', 'Mo A', 'the other 3 on the support rota say theirs vanished too btw'],
      ]),
    ).toBe(4);
    expect(
      countOf([
        ['customer', 'Mo A', 'the support@ shared mailbox disappeared from my Outlook'],
        ['agent', 'Hana (IT)', "I'll push the same fix remotely to all four of you"],
      ]),
    ).toBe(4);
    expect(countOf([['customer', 'Mo A', 'my laptop is slow, the other two laptops in the room are fine']])).toBeNull();
  });
});

describe('what an invoice or plan lists', () => {
  it('is a quantity bought, not people affected, so a billing mismatch is no outage', () => {
    expect(countOf([['customer', 'Leah K', 'the invoice shows 12 seats but we have fewer people now']])).toBeNull();
    expect(countOf([['customer', 'Leah K', 'our plan includes 25 licences, we use about half']])).toBeNull();
    expect(countOf([['customer', 'Leah K', '12 people in finance cannot open the shared drive']])).toBe(12);
  });
});

describe('the customer and one named colleague, both', () => {
  it('counts two people; "both screens" counts no one', () => {
    expect(countOf([['customer', 'Leah K', 'me and Tomasz from payroll both lost the shared vault']])).toBe(2);
    expect(countOf([['customer', 'Leah K', 'Priya and I both get the error when we open the report']])).toBe(2);
    expect(countOf([['customer', 'Leah K', 'both screens flicker on my desk']])).toBeNull();
  });
});

describe('only me, in Dutch and Italian', () => {
  it('counts "alleen ik" and "solo io" as one person', () => {
    expect(countOf([['customer', 'Sanne Vos', 'alleen ik volgens mij, bij de rest van mijn team werkt het wel']])).toBe(
      1,
    );
    expect(countOf([['customer', 'Gianni Rota', 'solo io credo, i colleghi lo vedono']])).toBe(1);
  });
});

describe('the people a school or a ward has', () => {
  it('counts "about 280 students" and "12 nurses", not the technicians who came', () => {
    expect(
      countOf([['customer', 'Angela B', "testing goes ahead at 9:30 as planned. that's about 280 students"]]),
    ).toBe(280);
    expect(countOf([['customer', 'Ann K', 'the 12 nurses on the ward cannot open the charting app']])).toBe(12);
    expect(countOf([['customer', 'Ann K', 'we had 3 technicians look at it already']])).toBeNull();
  });
});

describe('counts given in passing', () => {
  it('counts "me and two of the radiographers" as three', () => {
    expect(
      countOf([['customer', 'Nadia Oke', 'the scheduling app logs out me and two of the radiographers every hour']]),
    ).toBe(3);
  });

  it('takes the total answering "how many people …?"', () => {
    expect(
      countOf([
        ['customer', 'Nadia Oke', 'the handheld scanners will not sync with the stock system'],
        ['agent', 'Lee (IT)', 'How many people are using them this shift?'],
        ['customer', 'Nadia Oke', '14 packers and 2 leads, so 16'],
      ]),
    ).toBe(16);
  });

  it('counts "we\'re 9 in accounts" and "just him for now"', () => {
    expect(countOf([['customer', 'Nadia Oke', "we're 9 in accounts and none of us can open the ledger"]])).toBe(9);
    expect(
      countOf([
        ['customer', 'Nadia Oke', 'can you set up a login for the new contractor, Sam Ortiz?'],
        ['agent', 'Lee (IT)', 'Done, he has a temporary password.'],
        ['customer', 'Nadia Oke', 'great, just him for now, the others start in May'],
      ]),
    ).toBe(1);
  });
});

describe('people counted by their role', () => {
  it('counts a team named by what they do ("we\'re 8 packers")', () => {
    expect(countOf([['customer', 'Dev Malik', "we're 8 packers on this line and none of us can print labels"]])).toBe(
      8,
    );
  });

  it('takes the total said after the groups ("3 nurses and 4 doctors, so 7 of us")', () => {
    const line = 'the whole ward, 3 nurses and 4 doctors, so 7 of us are stuck without the rota app';
    expect(countOf([['customer', 'Dev Malik', line]])).toBe(7);
  });
});
