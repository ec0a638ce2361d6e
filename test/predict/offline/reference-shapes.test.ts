import { describe, expect, it } from 'vitest';
import { findReference } from '../../../core/predict/offline/references.js';
import { field, IT_FIELDS, type Line, transcript } from './helpers.js';

const order = field('orderNumber');
const orderOf = (lines: Line[]) => findReference(order, [order], transcript(lines))?.value ?? null;
const say = (text: string): Line[] => [['customer', 'Robin Hale', text]];

describe('order references of any shop', () => {
  it('takes what follows "order number is" when it carries digits, kept as written', () => {
    expect(orderOf(say('The order number is A1234567 and it is late'))).toBe('A1234567');
    expect(orderOf(say('my order 112-3345567-1234567 never came'))).toBe('112-3345567-1234567');
    expect(orderOf(say('Meine Bestellnummer ist 40-22913, das Paket ist nicht angekommen'))).toBe('40-22913');
    expect(orderOf(say('Booking reference QX7HT2, I was charged twice'))).toBe('QX7HT2');
  });

  it('does not take words or short numbers after "order"', () => {
    expect(orderOf(say('my order is late again, 2 weeks now'))).toBeNull();
    expect(orderOf(say('I placed the order today'))).toBeNull();
  });

  it('takes a one-letter prefix only with a long number: W-220931 is an order, E-214 an error code', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', "my order hasn't arrived"],
        ['agent', 'Sam (Shop)', 'I can see order W-220931 placed on Monday, is that the one?'],
        ['customer', 'Robin Hale', 'yes'],
      ]),
    ).toBe('W-220931');
    expect(orderOf(say("the export fails with error E-214, can't get the file"))).toBeNull();
  });
});

describe('codes that are not orders, and bills that are', () => {
  it('does not take an error code or a French cancellation reference for an order', () => {
    expect(orderOf(say("checkout says 'Something went wrong (QX-4091)' every time"))).toBeNull();
    expect(orderOf(say("j'ai encore le mail de confirmation de résiliation, référence RES-20931"))).toBeNull();
  });

  it('takes the number of a bill the issue is about', () => {
    expect(orderOf(say('my bill K-2026-04-55120 still has the old price on it'))).toBe('K-2026-04-55120');
  });
});

describe('booking references and numbers said in other words', () => {
  it('takes a booking or confirmation code as the order reference', () => {
    expect(orderOf(say('my confirmation code Q7HT2M, the cake is due at 3'))).toBe('Q7HT2M');
    expect(orderOf(say('La reserva es RS-8K21QD y me cobraron de más'))).toBe('RS-8K21QD');
  });

  it('reads "numéro" after the order word and keeps "order no." in one sentence', () => {
    expect(orderOf(say("C'est la commande numéro 610288, elle n'est pas arrivée"))).toBe('610288');
    expect(orderOf(say('We got the board (order no. 3318-2299) and it is the wrong colour'))).toBe('3318-2299');
  });
});

const asset = field('assetTag', IT_FIELDS);
const tagOf = (lines: Line[]) => findReference(asset, IT_FIELDS, transcript(lines))?.value ?? null;

describe('asset tags of other prefixes than the hint gives', () => {
  it('takes a tag-shaped code written beside the device it marks, not a model after a brand or an error code', () => {
    expect(
      tagOf([['customer', 'Marta Gil', 'el monitor de la sala 4 (el curvo, MN-5520) parpadea todo el rato']]),
    ).toBe('MN-5520');
    expect(tagOf([['customer', 'Marta Gil', 'my laptop (Dell XPS-9530) will not charge any more']])).toBeNull();
    expect(tagOf([['customer', 'Marta Gil', 'my laptop shows error BS-4412 every time it boots']])).toBeNull();
    // An agent's code beside a device of theirs is not the case's tag.
    expect(
      tagOf([
        ['customer', 'Sanne Smit', 'de wifi valt steeds weg in de kantine'],
        ['agent', 'Bram (IT)', 'Ik zie dat access point AP-0317 vannacht steeds herstart'],
      ]),
    ).toBeNull();
  });

  it('takes the code answering the agent asking for the tag, in any language', () => {
    expect(
      tagOf([
        ['customer', 'Paulo Reis', 'deixei o tablet da empresa no táxi'],
        ['agent', 'Rui (TI)', 'Sabe qual é a etiqueta do equipamento?'],
        ['customer', 'Paulo Reis', 'penso que é TB-7731'],
      ]),
    ).toBe('TB-7731');
  });

  it('takes a later code of the same prefix as a correction of the tag', () => {
    expect(
      tagOf([
        ['customer', 'Marta Gil', 'la impresora del pasillo (PR-4410) no imprime nada'],
        ['customer', 'Marta Gil', 'perdón, es PR-4401, lo he mirado mal'],
      ]),
    ).toBe('PR-4401');
  });
});

describe('references written with slashes, suffixes and "n."', () => {
  it('takes a prefix and number joined by slashes, kept as written', () => {
    expect(orderOf(say('order IPC/26/04417, the banners still are not here'))).toBe('IPC/26/04417');
    expect(
      orderOf([
        ['agent', 'Meg (Shop)', "Could I have the order number? It's on the receipt."],
        ['customer', 'Rhys P', 'GH/20931'],
      ]),
    ).toBe('GH/20931');
    expect(orderOf(say('it was delivered on 12/03/2026 but the box was empty'))).toBeNull();
  });

  it('keeps a short suffix after a date-like number', () => {
    expect(orderOf(say('my confirmation is MQ-260410-08 and I was charged for the first night'))).toBe('MQ-260410-08');
  });

  it('reads "ordine n. 20260417-88" as one sentence with its number', () => {
    expect(orderOf(say('ho ordinato un set da giardino in teak, ordine n. 20260417-88'))).toBe('20260417-88');
  });
});

describe('asset tags with a floor or room group', () => {
  it('takes "PRN-2F-01" beside the printer it marks, and leaves the same shape alone with no device before it', () => {
    expect(
      tagOf([
        ['customer', 'Bea Soto', '@helpdesk the big printer on the 2nd floor (PRN-2F-01) shows offline for everyone'],
      ]),
    ).toBe('PRN-2F-01');
    expect(tagOf([['customer', 'Bea Soto', 'the meeting room booking says RM-3B-12 is taken']])).toBeNull();
  });
});

describe('asset tags with a site before the device kind', () => {
  it('takes "asset RUSD-LT-3307" the agent assigns, though a laptop is named before it', () => {
    expect(
      tagOf([
        ['customer', 'Donna W', "He'll need a staff laptop and a district email account."],
        ['agent', 'Kevin (IT)', 'The laptop will be asset RUSD-LT-3307. Can he pick it up on his first morning?'],
      ]),
    ).toBe('RUSD-LT-3307');
  });

  it('takes "BW-LT-0291" answering the question for the tag', () => {
    expect(
      tagOf([
        ['customer', 'Sanne V', 'de VPN wil niet verbinden'],
        ['agent', 'Alice (IT)', 'Wat is het assetnummer van je laptop? Het staat op de sticker aan de onderkant.'],
        ['customer', 'Sanne V', 'BW-LT-0291'],
      ]),
    ).toBe('BW-LT-0291');
  });
});

describe('asset tags whose number starts with a letter', () => {
  it('takes "LT-K3391" given as the laptop and "MN-B0211" answering the tag question', () => {
    expect(
      tagOf([
        ['customer', 'Ines Kohl', 'my laptop will not wake from sleep since the update'],
        ['agent', 'Dev (IT)', 'Which machine is it?'],
        ['customer', 'Ines Kohl', 'LT-K3391'],
      ]),
    ).toBe('LT-K3391');
    expect(
      tagOf([
        ['customer', 'Ines Kohl', 'the second screen at my desk keeps flickering'],
        ['agent', 'Dev (IT)', 'What does the sticker on the back say?'],
        ['customer', 'Ines Kohl', 'MN-B0211'],
      ]),
    ).toBe('MN-B0211');
  });
});

describe('order numbers with a prefix joined by #, and the codes of rentals', () => {
  it('keeps letters joined to the number by # as written', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'the lamp came with a cracked shade, order was KB#77120'],
        ['agent', 'Sam (Shop)', 'Thanks, I have KB#77120 here.'],
      ]),
    ).toBe('KB#77120');
  });

  it('does not take the code of a scooter, bike or locker for an order, in any later mention either', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'the e-bike RX-5531 has a flat tyre, I left it at the dock'],
        ['agent', 'Sam (Rides)', "Thanks, I've taken RX-5531 out of service."],
      ]),
    ).toBeNull();
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'I was charged for 3 hours but I returned it after 20 minutes'],
        ['agent', 'Sam (Rides)', 'Sorry! What is the locker number on the door?'],
        ['customer', 'Robin Hale', 'LK-3307'],
        ['agent', 'Sam (Rides)', 'I see LK-3307 was closed at 14:20.'],
      ]),
    ).toBeNull();
  });
});

describe('asset tags written as one word, answered in a letters-and-digits form, or as the machine one sits at', () => {
  it('reads the tag after "assettag"', () => {
    expect(tagOf(say('mijn werklaptop is kwijt, assettag OFF-NB-0442'))).toBe('OFF-NB-0442');
  });

  it('takes a site-and-device tag given when the tag is asked for', () => {
    expect(
      tagOf([
        ['customer', 'Robin Hale', 'the label printer at desk 4 prints blank labels'],
        ['agent', 'Kim (IT)', "What's the asset tag on the printer?"],
        ['customer', 'Robin Hale', 'WH-LBL-PT07'],
      ]),
    ).toBe('WH-LBL-PT07');
  });

  it('takes the tag of the machine the requester says they are on', () => {
    expect(tagOf(say("AutoCAD freezes on every save. I'm on DT-0881 in room 2"))).toBe('DT-0881');
  });
});
