import { describe, expect, it } from 'vitest';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

async function priorityOf(lines: Line[], fields?: typeof IT_FIELDS) {
  const p = await createOfflinePredictor().predict(input(lines, { fields }));
  return p.fields.priority?.value ?? null;
}

const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('priority follows the option hints', () => {
  it('treats losing the service altogether as being blocked', async () => {
    expect(
      await priorityOf(say('I switched phones yesterday and since then I have no service, no calls or data')),
    ).toBe('High');
    expect(await priorityOf(say('Cambié de celular y no tengo servicio desde ayer, dice SIM no válida'))).toBe('High');
  });

  it('raises a group of affected people to High only where the High hint says a group counts', async () => {
    const lines: Line[] = [
      ['customer', 'Robin Hale', 'the 2nd floor printer prints grey streaks on every page'],
      ['agent', 'Sam (IT)', 'Is it only you?'],
      ['customer', 'Robin Hale', 'no, the whole marketing team uses it, we are 8 people'],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('High');
  });

  it('does not raise an access request for three people to High: nothing is degraded', async () => {
    const lines: Line[] = [
      [
        'customer',
        'Dominic Reyes',
        "hey IT, could me and two colleagues (Amira and Jon) get read access to the 'Vendor Contracts' SharePoint folder?",
      ],
      ['customer', 'Dominic Reyes', 'cheers, no rush at all'],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('Low');
  });

  it('reads "none of us are getting …" as many users blocked', async () => {
    expect(
      await priorityOf(say('none of us in finance are getting emails from outside the company since 8am'), IT_FIELDS),
    ).toBe('Urgent');
  });

  it('counts an event tonight as a deadline today', async () => {
    expect(await priorityOf(say("I can't get into my account and my tickets for tonight's show are in the app"))).toBe(
      'Urgent',
    );
  });
});

describe('priority: the requester can still work', () => {
  it('keeps Normal when the customer says they can still work', async () => {
    expect(await priorityOf(say('My VPN keeps dropping but I can still work offline'), IT_FIELDS)).toBe('Normal');
  });

  it('is Low for a cosmetic issue the customer calls no big deal', async () => {
    expect(await priorityOf(say("There's a small cosmetic scratch on the lid, not a big deal"))).toBe('Low');
  });

  it('is Urgent when nobody in the office can print', async () => {
    expect(await priorityOf(say('Nobody in the office can print since this morning'), IT_FIELDS)).toBe('Urgent');
  });
});

describe('blocked and wrongly charged, said indirectly', () => {
  it('raises a checkout that keeps failing to High', async () => {
    expect(
      await priorityOf(
        say("every time I try to pay for my calendar the checkout says 'Something went wrong' and sends me back"),
      ),
    ).toBe('High');
  });

  it('raises a French charge after cancelling to High', async () => {
    expect(
      await priorityOf(
        say("Bonjour, j'ai résilié mon abonnement en janvier et je viens de voir un prélèvement de 19 € ce mois-ci"),
      ),
    ).toBe('High');
  });

  it('raises a billing problem to High where the High hint is money charged wrongly, and keeps billing requests Low', async () => {
    expect(await priorityOf(say('the VAT on my invoice is wrong, it should be 7 percent'))).toBe('High');
    expect(
      await priorityOf(say("my payment method was updated but the invoice still went to the old card, it's wrong")),
    ).toBe('High');
    expect(await priorityOf(say('Could you send me a copy of my last invoice please?'))).toBe('Low');
    // The reason a request gives is no billing problem.
    expect(
      await priorityOf(say("could you send me invoice INV-88-20417 as a PDF? I can't find the email anywhere")),
    ).not.toBe('High');
  });

  it('makes something that closes tonight Urgent', async () => {
    expect(
      await priorityOf(
        say("I can't check in online, the name on my booking is misspelt and check-in closes at midnight tonight"),
      ),
    ).toBe('Urgent');
  });
});

describe('a paper asked for again', () => {
  it('keeps a request to resend an invoice Low, with the reason given for it', async () => {
    expect(await priorityOf(say("could you send me invoice INV-20417 as a PDF? I can't find the email anywhere"))).toBe(
      'Low',
    );
    expect(await priorityOf(say('kannst du mir die Rechnung nochmal schicken? ich finde die Rechnung nicht'))).toBe(
      'Low',
    );
  });

  it('still reads a lost parcel or a wrong charge beside it as a problem', async () => {
    expect(await priorityOf(say("I can't find my package anywhere, tracking says delivered"))).toBe('Normal');
    expect(await priorityOf(say("I was charged twice and I can't find the receipt"))).toBe('High');
  });

  it('does not read "me renvoyer la facture" as sending an item back', async () => {
    const p = await createOfflinePredictor().predict(
      input(say('pourriez-vous me renvoyer la facture ? je ne trouve pas le mail')),
    );
    expect(p.fields.category?.value).toBe('Billing');
    expect(p.fields.priority?.value).toBe('Low');
  });
});

describe('what keeps a child safe failing', () => {
  it('makes a car-seat buckle that pops open, or a choking hazard, Urgent', async () => {
    expect(
      await priorityOf(say("the harness buckle on our car seat won't latch properly anymore, it clicks but pops open")),
    ).toBe('Urgent');
    expect(await priorityOf(say('the little wheels come off the toy car, that is a choking hazard for my son'))).toBe(
      'Urgent',
    );
  });

  it('leaves a suitcase buckle that broke off Normal', async () => {
    expect(await priorityOf(say('the buckle on my suitcase strap broke off on the first trip'))).toBe('Normal');
  });
});

describe('"nobody else is watching" is no outage', () => {
  it('keeps a TV app error Normal when the customer says nobody else is using the plan', async () => {
    expect(
      await priorityOf(
        say(
          'the app on my tv wont play anything, every show gives error RH-403',
          'Family plan, 4 screens, and nobody else is watching rn',
        ),
      ),
    ).toBe('Normal');
    expect(await priorityOf(say('the site is broken, nobody can check out since 9am'))).toBe('Urgent');
  });
});

describe('a person in it when it broke', () => {
  it('makes a stroller wheel that snapped off with the baby in it Urgent', async () => {
    expect(
      await priorityOf(say('the front wheel on our stroller snapped off on the sidewalk today, baby was IN it 😡')),
    ).toBe('Urgent');
  });

  it('leaves a part that broke with nobody in it Normal', async () => {
    expect(await priorityOf(say('the front wheel on our stroller snapped off when I lifted it into the car'))).toBe(
      'Normal',
    );
  });
});

describe('blocked or charged wrongly, in more words', () => {
  it('reads a payment method that "could not be verified" as not being able to pay, and its code as no order', async () => {
    const p = await createOfflinePredictor().predict(
      input(say("I'm trying to update my card but every time I get 'Payment method could not be verified (PM-212)'")),
    );
    expect(p.fields.priority?.value).toBe('High');
    expect(p.fields.orderNumber?.value).toBeNull();
  });

  it('reads a charge for what the plan includes as money taken wrongly, in German too', async () => {
    expect(
      await priorityOf(
        say(
          'Hallo, auf meiner Rechnung für April stehen 47,80 € Roaminggebühren',
          'EU-Roaming ist bei meinem Tarif doch inklusive??',
        ),
      ),
    ).toBe('High');
    expect(await priorityOf(say('I was charged £12 for roaming, I thought roaming was included in my plan'))).toBe(
      'High',
    );
  });

  it('does not take "I thought the charger was included" for a charge', async () => {
    const p = await createOfflinePredictor().predict(
      input(say('the box came without a charger, I thought the charger was included')),
    );
    expect(p.fields.category?.value).not.toBe('Billing');
  });

  it('keeps a renewal the customer forgot to cancel Normal, and one charged after cancelling High', async () => {
    expect(
      await priorityOf(say('ugh I forgot to cancel before it renewed and just got charged $89.99 for another year')),
    ).toBe('Normal');
    expect(await priorityOf(say('I cancelled last month and just got charged $89.99 for another year'))).toBe('High');
  });
});

describe('the IT desk: who is affected, and a machine named before', () => {
  it('reads a shared mailbox "gone from" Outlook for three people as a degraded group', async () => {
    const lines: Line[] = [
      ['customer', 'Gordon Baptiste', 'payroll@ shared mailbox is gone from my outlook since the migration'],
      ['agent', 'Aiko Mori (IT)', 'Is it only you, or are other people missing payroll@ too?'],
      ['customer', 'Gordon Baptiste', 'all three of us in payroll. me, Sunita and Felix'],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('High');
  });

  it('keeps a shared mailbox missing for one person Normal', async () => {
    const lines: Line[] = [
      [
        'customer',
        'Georgina Abara',
        'the support@ shared mailbox has vanished from my Outlook folder list since this morning',
      ],
      ['customer', 'Georgina Abara', "others on the team can still see it, so it's just me"],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('Normal');
  });

  it('reads "now it won\'t turn on" after the laptop was named as a dead work machine', async () => {
    const lines: Line[] = [
      ['customer', 'Delphine Marchal', 'morning... so I knocked my coffee over the laptop keyboard 😩'],
      [
        'customer',
        'Delphine Marchal',
        "it kept working for a minute then the screen went black and now it won't turn on at all",
      ],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('High');
    const printer: Line[] = [
      ['customer', 'Delphine Marchal', 'I knocked my coffee over the printer on our floor'],
      ['customer', 'Delphine Marchal', "now it won't turn on at all"],
    ];
    expect(await priorityOf(printer, IT_FIELDS)).toBe('Normal');
  });
});

describe('an event tonight, said apart from the tickets', () => {
  it('makes tickets that will not load Urgent, due today, when the next sentence says the show is tonight', async () => {
    const p = await createOfflinePredictor().predict(
      input(
        say(
          "hey my tickets wont load in the app. says 'ticket unavailable' when i tap them",
          'its for lumen drift at corran hall TONIGHT, doors at 7 😭',
        ),
      ),
    );
    expect(p.fields.priority?.value).toBe('Urgent');
    expect(p.fields.dueDate?.value).toBe('2026-03-10');
  });

  it('does not make an evening said alone a deadline when no tickets were named', async () => {
    const p = await createOfflinePredictor().predict(
      input(say('hey the app wont load my account page', 'its for lumen drift at corran hall TONIGHT, doors at 7')),
    );
    expect(p.fields.dueDate?.value ?? null).toBeNull();
  });
});

describe('a deadline on a later day', () => {
  it('is not made Urgent by the learned reading of the same sentence', async () => {
    const lines = say(
      'the speaking exercises crash the app every time. android, updated yesterday',
      "need this working before friday pls, that's my italian oral exam and speaking practice is the whole point 😅",
    );
    expect(await priorityOf(lines)).toBe('Normal');
  });
});
