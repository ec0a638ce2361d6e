import { describe, expect, it } from 'vitest';
import { findPersonName, isRealDisplayName } from '../../../core/predict/offline/names.js';
import { type Line, transcript } from './helpers.js';

const nameOf = (lines: Line[]) => findPersonName(transcript(lines), undefined)?.value ?? null;

describe('names with surname particles and restatements', () => {
  it('accepts a display name with a lower-case surname particle', () => {
    expect(isRealDisplayName('Marieke van der Berg')).toBe(true);
    expect(isRealDisplayName('Joana da Silva')).toBe(true);
    expect(isRealDisplayName('Visitor 4410')).toBe(false);
  });

  it('takes the fuller name when the first name is said again with the surname', () => {
    expect(
      nameOf([
        ['customer', 'Guest 3301', 'do the lamps come in brass?'],
        ['agent', 'Sam (Shop)', 'They do!'],
        ['customer', 'Guest 3301', "great, I'm Lotte by the way, Lotte de Vries, I'll order tomorrow"],
      ]),
    ).toBe('Lotte de Vries');
  });

  it('reads "sorry autocorrect, it\'s X" as setting the first name right', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 5520', 'my order arrived without the lid'],
        ['agent', 'Sam (Shop)', 'Sorry! Could I take your name?'],
        ['customer', 'Visitor 5520', 'Shawn Brady'],
        ['customer', 'Visitor 5520', "sorry autocorrect, it's Sean. Sean Brady"],
      ]),
    ).toBe('Sean Brady');
  });
});

describe('a typo correction of an email is not a name', () => {
  it('keeps the display name when "typo, it\'s …" corrects an email address', () => {
    expect(
      nameOf([
        ['customer', 'Hannah Price', 'please send it to hprice.home@example.org'],
        ['customer', 'Hannah Price', "wait sorry typo, it's hprice.home@example.net"],
      ]),
    ).toBe('Hannah Price');
  });
});

describe('only a request for the name is answered by one', () => {
  it('does not take a reply to "the name now reads …" as a name', () => {
    expect(
      nameOf([
        ['customer', 'Omar Said', 'the name on my ticket is misspelt'],
        ['agent', 'Carys (Air)', 'Done! The name now reads OMAR SAID. Please try again.'],
        ['customer', 'Omar Said', 'it worked, ticket downloaded'],
      ]),
    ).toBe('Omar Said');
  });

  it('still takes the reply to "would you give me your full name"', () => {
    expect(
      nameOf([
        ['customer', 'Customer', 'checking on a refund'],
        ['agent', 'Agent', 'sure, would you give me your full name or account ID'],
        ['customer', 'Customer', 'Marta Kowalska'],
      ]),
    ).toBe('Marta Kowalska');
  });
});

describe('a name given for someone else', () => {
  it('does not replace the writer’s own name', () => {
    expect(
      nameOf([
        ['customer', 'Visitor', 'the table arrived with a scratch'],
        ['agent', 'Sam', 'So sorry! Who am I speaking with?'],
        ['customer', 'Visitor', 'mo patel'],
        ['customer', 'Visitor', "the account's under my husband's name though, raj"],
      ]),
    ).toBe('Mo Patel');
    expect(nameOf([['customer', 'Visitor', "hi, my wife's name is Lena Ortiz, she placed the order"]])).toBeNull();
    expect(nameOf([['customer', 'Visitor', 'hi, my name is Lena Ortiz']])).toBe('Lena Ortiz');
  });
});

describe('names asked for in other words, and stated outright', () => {
  it('answers "whose name should go on it?" and "the passenger\'s full name"', () => {
    expect(
      nameOf([
        ['agent', 'Dario (Shop)', 'Whose name should go on it, and is it the same email as on the order?'],
        ['customer', 'Visitor 8810', 'Tomek Wierzba, and yeah same email'],
      ]),
    ).toBe('Tomek Wierzba');
    expect(
      nameOf([
        ['agent', 'Mari (Airline)', "Could I get the passenger's full name for the refund request?"],
        ['customer', 'Guest 5120', 'Precious Ade'],
      ]),
    ).toBe('Precious Ade');
  });

  it('takes a first name compromise does not know when it is stated as the name', () => {
    expect(nameOf([['customer', 'Guest 5581', "oh thats kind. my name's Oona by the way"]])).toBe('Oona');
    expect(nameOf([['customer', 'Guest 5581', "I'm Fine with that"]])).toBeNull();
  });
});

describe('a name said in passing "by the way"', () => {
  it('reads "it\'s X btw, X Surname" from an anonymous visitor as the full name', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 8812', 'the boiler app says offline again'],
        ['agent', 'Ruth (Heatly)', 'Try unplugging the hub for ten seconds.'],
        ['customer', 'Visitor 8812', "that did it, cheers! it's Callum btw, Callum Ferrier"],
      ]),
    ).toBe('Callum Ferrier');
  });

  it('reads a lower-case "im x btw" when the word is a known first name', () => {
    expect(
      nameOf([
        ['customer', 'Guest 2207', 'my voucher code says expired but it is valid until june'],
        ['agent', 'Ravi (Shop)', 'Fixed, it works now.'],
        ['customer', 'Guest 2207', 'brill thanks ravi, im sarah btw'],
      ]),
    ).toBe('Sarah');
  });

  it('reads a sentence-initial "X by the way" but not a status word', () => {
    expect(
      nameOf([
        ['customer', 'Guest 9930', 'the kettle lid will not close'],
        ['customer', 'Guest 9930', 'ok swapped it, sorted now. Laura by the way'],
      ]),
    ).toBe('Laura');
    expect(
      nameOf([
        ['customer', 'Guest 9930', 'the kettle lid will not close'],
        ['customer', 'Guest 9930', 'ok swapped it. sorted by the way, its working btw'],
      ]),
    ).toBeNull();
  });
});

describe('a full name at the start of a longer reply to the name question', () => {
  it('takes the name before the rest of the message', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 4471', 'the zip on my new rucksack came off on day one'],
        ['agent', 'Ola (Packs)', 'Sorry! Can I get your name and the order number?'],
        [
          'customer',
          'Visitor 4471',
          'Imogen Farrant. there are two orders on my account, the rucksack one is PK-30112 from last week',
        ],
      ]),
    ).toBe('Imogen Farrant');
  });
});

describe('names asked for a shipment, signed off, or shown with a title', () => {
  it('takes the reply to "name for the shipment?"', () => {
    expect(
      nameOf([
        ['customer', 'Guest 3310', 'the mug arrived in pieces'],
        ['agent', 'Ivo (Claywork)', "I'll send another one today. Name for the shipment?"],
        ['customer', 'Guest 3310', 'Tamsin Okafor'],
      ]),
    ).toBe('Tamsin Okafor');
  });

  it('takes a first name after a dash closing a thank-you, known to the dictionary or not', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 8120', 'the app keeps logging me out'],
        ['agent', 'Rui (Taskly)', 'Fixed on our side, try again?'],
        ['customer', 'Visitor 8120', 'works, thanks Rui - Zhaklin'],
      ]),
    ).toBe('Zhaklin');
  });

  it('takes a lower-case first name after thanks, but not a term of address', () => {
    expect(
      nameOf([
        ['customer', 'Visitor 2231', 'do you sell gift wrap?'],
        ['agent', 'Ola (Papercraft)', 'Yes, £2 per item.'],
        ['customer', 'Visitor 2231', 'perfect, thanks! martha'],
      ]),
    ).toBe('Martha');
    expect(
      nameOf([
        ['customer', 'Visitor 2231', 'do you sell gift wrap?'],
        ['customer', 'Visitor 2231', 'ok cheers buddy'],
      ]),
    ).toBeNull();
  });

  it('keeps a title shown with a display name', () => {
    expect(isRealDisplayName('Mrs Amara Lindqvist')).toBe(true);
    expect(nameOf([['customer', 'Mrs Amara Lindqvist', 'the lab printer is offline']])).toBe('Mrs Amara Lindqvist');
  });
});
