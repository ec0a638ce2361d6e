import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { type Line, transcript } from './helpers.js';

const refundOf = (lines: Line[]) => findRefundRequest(transcript(lines))?.value ?? null;
const one = (text: string, author = 'Ada Moss') => refundOf([['customer', author, text]]);

describe('refunds turned down with "no thanks" or with the "not" after the verb', () => {
  it('reads "no thanks to the refund" in English, French and German as declined, not "no thanks, I want one"', () => {
    expect(one('no thanks on the refund, I would rather have it repaired')).toBe(false);
    expect(one('non merci pour le remboursement, envoyez seulement la pièce', 'Inès Roy')).toBe(false);
    expect(one('nein danke zur Erstattung, schicken Sie einfach ein neues Teil', 'Jonas Weber')).toBe(false);
    expect(one('no thanks, I want a refund')).toBe(true);
  });

  it('reads "Geld zurück möchte ich nicht", "een terugbetaling hoef ik niet" and "isn\'t what I\'m after" as declined', () => {
    expect(one('Der Becher ist kaputt. Geld zurück möchte ich aber nicht, nur einen neuen', 'Jonas Weber')).toBe(false);
    expect(one('een terugbetaling hoef ik niet, stuur gewoon een nieuwe', 'Sanne Bos')).toBe(false);
    expect(one("a refund isn't what I'm after, I just want it to work")).toBe(false);
    expect(one('Geld zurück habe ich noch nicht bekommen', 'Jonas Weber')).toBeNull();
    expect(one('de terugbetaling wil ik nog niet, eerst even kijken', 'Sanne Bos')).toBeNull();
  });
});

describe('money back asked for in plain words', () => {
  it('reads "just refund me" after fillers as a request, not "when will you refund me?"', () => {
    expect(one('meh. fine, forget the swap then, just refund me')).toBe(true);
    expect(one('ok then refund me')).toBe(true);
    expect(one('when will you refund me')).toBeNull();
    expect(one('so refund me?')).toBeNull();
  });

  it('reads an amount wanted back with its currency sign', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'you took £45 after I closed the account'],
        ['customer', 'Ada Moss', 'right so I want the £45 back'],
      ]),
    ).toBe(true);
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'charged 19,99 € twice'],
        ['customer', 'Ada Moss', 'I need the 19,99 € back'],
      ]),
    ).toBe(true);
    expect(one('I paid $40 for it and want it back working')).toBeNull();
  });

  it('reads money wanted back in Dutch, German, Spanish, Portuguese, Italian and French', () => {
    const back = (charged: string, asked: string) =>
      refundOf([
        ['customer', 'Noa Brink', charged],
        ['customer', 'Noa Brink', asked],
      ]);
    expect(back('de borg van €250 is dubbel afgeschreven', 'ik wil die 500 gewoon terug')).toBe(true);
    expect(back('Sie haben 40 € zu viel abgebucht', 'ich will die 40 € zurück')).toBe(true);
    expect(back('me cobraron 30 € dos veces', 'quiero mis 30 € de vuelta')).toBe(true);
    expect(back('cobraram 30 € duas vezes', 'quero os 30 € de volta')).toBe(true);
    expect(back('mi avete addebitato 30 € due volte', 'rivoglio i miei 30 €')).toBe(true);
    expect(back("vous m'avez débité 30 € deux fois", 'je veux récupérer mes 30 €')).toBe(true);
    expect(one('er is €40 te veel afgeschreven, ik wil de schoenen terug sturen', 'Noa Brink')).toBeNull();
    expect(one('ich habe 40 € bezahlt und will das Paket zurückschicken', 'Jonas Weber')).toBeNull();
  });
});

describe('answers to an offer of money back', () => {
  it('reads "to the card" as taking money back offered against a voucher', () => {
    const offer: Line = [
      'agent',
      'Iker',
      '¿Prefieres que te devolvamos la diferencia a la tarjeta o un vale de compra?',
    ];
    expect(
      refundOf([
        ['customer', 'Lucía Gil', 'me cobraron de más en el pedido'],
        offer,
        ['customer', 'Lucía Gil', 'a la tarjeta, gracias'],
      ]),
    ).toBe(true);
    expect(
      refundOf([
        ['customer', 'Lucía Gil', 'me cobraron de más en el pedido'],
        offer,
        ['customer', 'Lucía Gil', 'mejor el vale'],
      ]),
    ).toBe(false);
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'I was charged for the wrong size'],
        ['agent', 'Kay', 'Would you like a refund to your card or store credit?'],
        ['customer', 'Ada Moss', 'which card do you have on file?'],
      ]),
    ).toBeNull();
  });

  it('reads another remedy asked for "instead of cancelling" a proposed refund as declined', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'please cancel the boots'],
        ['agent', 'Kay', 'I can cancel them and refund the full $80. Shall I go ahead?'],
        ['customer', 'Ada Moss', 'hang on, could you swap them to a size 9 instead of cancelling?'],
      ]),
    ).toBe(false);
    expect(
      refundOf([
        ['customer', 'Jonas Weber', 'stornieren Sie das bitte'],
        ['agent', 'Lea', 'Ich kann stornieren und Ihnen die 50 € erstatten. Soll ich?'],
        ['customer', 'Jonas Weber', 'Moment, können Sie stattdessen die Größe ändern?'],
      ]),
    ).toBe(false);
    expect(
      refundOf([
        ['agent', 'Kay', "I'll refund the shipping fee once the return is scanned."],
        ['customer', 'Ada Moss', 'great, can you send the label to my work email instead?'],
      ]),
    ).toBeNull();
  });
});

describe('the full amount back, and a substitute chosen over the refund', () => {
  it('reads "I want the full $689 back" as a request', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'please cancel my order, I ordered the stroller by mistake'],
        ['agent', 'Tomas', 'Cancelled, it will not ship.'],
        ['customer', 'Ada Moss', 'and the money comes back to my card right? I want the full $689 back'],
      ]),
    ).toBe(true);
  });

  it('reads "un sostituto per favore" after "un sostituto o il rimborso?" as declined', () => {
    expect(
      refundOf([
        ['customer', 'Giulia B', 'il macinacaffè che ho ricevuto ieri non si accende'],
        ['agent', 'Sara', 'Preferisce un sostituto o il rimborso?'],
        ['customer', 'Giulia B', 'un sostituto per favore'],
      ]),
    ).toBe(false);
  });
});

describe('money demanded back, asked for in Dutch, or a refund question answered "no"', () => {
  it('reads an ultimatum for the money as a request', () => {
    expect(
      one(
        "I returned a lamp six weeks ago. If the £189 isn't back in my account by Monday I'm filing a small claims case",
      ),
    ).toBe(true);
    expect(one("if the parcel isn't back with you by Monday, tell me")).toBeNull();
  });

  it('reads "kun je die €14,99 terugstorten?" as a request', () => {
    expect(one('er is €14,99 afgeschreven na mijn opzegging, kun je die €14,99 terugstorten?', 'Sanne de Vries')).toBe(
      true,
    );
  });

  it('reads a flat "no" to "or would you prefer your money back instead?" as declined', () => {
    const lines: Line[] = [
      ['customer', 'Yusuf D', 'Face ID stopped working after your screen repair'],
      [
        'agent',
        'Gemma',
        "It's a 45-minute fix if you come in. Or would you prefer your money back for the repair instead?",
      ],
      ['customer', 'Yusuf D', 'no no, I just want it working. can I come in tomorrow?'],
    ];
    expect(refundOf(lines)).toBe(false);
    const yes: Line[] = [...lines.slice(0, 2), ['customer', 'Yusuf D', 'no, actually the money back please']];
    expect(refundOf(yes)).toBe(true);
  });
});

describe('money wanted back, named by what it was for', () => {
  const thenAsked = (charged: string, asked: string) =>
    refundOf([
      ['customer', 'Ada Moss', charged],
      ['customer', 'Ada Moss', asked],
    ]);

  it('reads the fee, the amount or the money "back" with words in between as a request', () => {
    expect(thenAsked('I paid £20 for priority boarding and never got it', 'i want the boarding fee back')).toBe(true);
    expect(thenAsked('you debited £90 for a reading that was wrong', 'I want the money you debited back')).toBe(true);
    expect(thenAsked('I paid for the premium wash, £12', "I'd like the £12 back please")).toBe(true);
    expect(thenAsked('the voucher code did not come off, I paid full price', 'can I get the 10% back')).toBe(true);
    expect(thenAsked('charged £4 delivery on a free delivery order', 'please give me back the £4')).toBe(true);
  });

  it('does not read an item wanted back, a turned-down one, or money that came back', () => {
    expect(thenAsked('I paid £300 for the repair', 'I just want my bike back')).toBeNull();
    expect(thenAsked('I paid £20 for the seat', "I don't want the seat fee back, just a better seat")).toBeNull();
    expect(thenAsked('I paid £20 for the seat', 'nah I dont want it back on a voucher')).toBeNull();
    expect(thenAsked('I paid £20 for the seat', 'I got the £20 back yesterday, thanks')).toBeNull();
  });

  it('reads "cancel and have the refund" joined with "and", in Italian and English', () => {
    expect(one('a giugno non mi serve più. voglio annullare e avere il rimborso', 'Giulia Neri')).toBe(true);
    expect(one('quiero cancelarlo y obtener el reembolso', 'Lucía Vidal')).toBe(true);
  });
});

describe('refund requests and refusals in passing', () => {
  it('reads "the other thing, not a refund" as declined, not "you have not refunded me"', () => {
    expect(one('if the hinge cannot be repaired I would like a new wardrobe, not a refund.')).toBe(false);
    expect(one('why have you not refunded me yet? it was promised last week')).toBeNull();
  });

  it('reads "can I send it back and get my money back?" in English and Portuguese as a request', () => {
    expect(one('I have two spare rolls of wallpaper, can I send them back and get a refund?')).toBe(true);
    expect(one('sobraram duas latas de tinta, posso devolver e receber o dinheiro de volta?', 'Rita Lopes')).toBe(true);
  });

  it('reads "can it go back on my card instead?" as a request', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'I was billed £40 twice for the same lesson'],
        ['agent', 'Tom (Swim)', 'Sorry! I will add £40 credit to your account.'],
        ['customer', 'Ada Moss', 'could it go back on my card instead? I will not book again soon'],
      ]),
    ).toBe(true);
  });

  it('reads "I want both weeks back. $30" as money wanted back', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'you charged my card for the gym after I froze my membership'],
        ['customer', 'Ada Moss', 'i want both weeks back. $30 in total'],
      ]),
    ).toBe(true);
  });

  it('reads "refund then please" as the answer to a refund-or-credit question', () => {
    expect(one('hmm ok, refund then please')).toBe(true);
  });
});

describe('money back asked for with a hedge, in French word order, or as the rest of a charge', () => {
  it('reads "could I just have the money back" as a request', () => {
    expect(one('fine, or could I just have the money back, I will buy one in town')).toBe(true);
  });

  it('reads "vous pouvez me rembourser" as a request', () => {
    expect(one('vous pouvez me rembourser la deuxième commande ?')).toBe(true);
  });

  it('reads "I want the rest back" about a charge as a request, not "the rest of my things back"', () => {
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'you charged me £40 for a one hour session'],
        ['customer', 'Ada Moss', 'I only used 20 minutes so I want the rest back'],
      ]),
    ).toBe(true);
    expect(
      refundOf([
        ['customer', 'Ada Moss', 'you charged me £40 for the storage unit'],
        ['customer', 'Ada Moss', 'I want the rest of my boxes back'],
      ]),
    ).toBeNull();
  });
});
