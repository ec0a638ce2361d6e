import { describe, expect, it } from 'vitest';
import { gatherConcepts, profileOptions, scoreChoice } from '../../../core/predict/offline/choice.js';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { fold, sentences } from '../../../core/predict/offline/text.js';
import type { FieldDefinition } from '../../../core/types.js';
import { field, IT_FIELDS, type Line, transcript } from './helpers.js';

const category = field('category');

function categoryOf(lines: Line[], fields: FieldDefinition = category) {
  const t = transcript(lines);
  return scoreChoice(fields, t, gatherConcepts(t)).value;
}

const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('"even if …" in a hint', () => {
  it('reads the remedy an option keeps for itself', () => {
    const defect = profileOptions(category).find((p) => p.option.value === 'Product defect')!;
    expect(defect.absorbs.has('refund')).toBe(true);
    expect(defect.positive.has('refund')).toBe(false);
  });

  it('keeps a damaged item a defect when the customer asks for money back', () => {
    expect(categoryOf(say('The rug arrived torn and stained', 'I just want my money back for it'))).toBe(
      'Product defect',
    );
    expect(categoryOf(say('the bag of flour came split open, half of it spilled', 'please refund me'))).toBe(
      'Product defect',
    );
  });

  it('works for any option whose hint says so, not just one field set', () => {
    const custom: FieldDefinition = {
      key: 'category',
      label: 'Category',
      type: 'choice',
      required: true,
      aiManaged: true,
      options: [
        { value: 'Money back', hint: 'use when the customer wants a refund' },
        { value: 'Delivery', hint: 'use when an order is late or lost, even if the customer wants a refund' },
      ],
    };
    expect(categoryOf(say('my parcel is delayed and still not here, I want a refund'), custom)).toBe('Delivery');
    expect(categoryOf(say('I changed my mind about the lamp and want a refund'), custom)).toBe('Money back');
  });

  it('leaves the remedy alone when the option has no problem of its own', () => {
    expect(categoryOf(say('I changed my mind about the lamp, I would like a refund'))).toBe('Returns & refunds');
  });
});

describe('what stopped working decides the option', () => {
  it('sends a feature, update or service that stopped working to the software option', () => {
    expect(categoryOf(say('my voicemail stopped working after the update last week'))).toBe('Technical issue');
    expect(categoryOf(say('la synchronisation avec Google Agenda ne marche plus'))).toBe('Technical issue');
    expect(categoryOf(say('I changed phones and now I have no service, it says SIM not valid'))).toBe(
      'Technical issue',
    );
  });

  it('keeps a physical item that stopped working a defect', () => {
    expect(categoryOf(say('my toaster stopped working after a week'))).toBe('Product defect');
    expect(categoryOf(say('the speaker stopped charging and will not pair with the app'))).toBe('Product defect');
  });
});

describe('General inquiry is the fallback for questions without a problem', () => {
  it('loses to any problem the customer states, even when they ask a question', () => {
    expect(categoryOf(say('My prescription still has not been dispatched, can you tell me when it will be?'))).toBe(
      'Shipping & delivery',
    );
    expect(categoryOf(say('I was charged again after switching plans, is that normal?'))).toBe('Billing');
    expect(categoryOf(say('The app keeps crashing whenever I open my basket, any idea?'))).toBe('Technical issue');
  });

  it('is chosen for plain questions', () => {
    expect(categoryOf(say('Do you ship to Canada?'))).toBe('General inquiry');
  });
});

describe('money back for a wrong charge is billing', () => {
  it('reads "charged X instead of Y" and a coupon that dropped off as charging problems', () => {
    expect(
      categoryOf(say('we upgraded and got charged the full price instead of the difference, I want the extra back')),
    ).toBe('Billing');
    expect(categoryOf(say('our discount coupon disappeared from the invoice'))).toBe('Billing');
  });
});

describe('complaints phrased as questions', () => {
  it('reads "why was I charged …?" as a problem, not an information request', () => {
    expect(categoryOf(say('Why was I charged $20 extra this month?'))).toBe('Billing');
  });

  it('does not take "won\'t let me check out" for the customer stalling', () => {
    expect(categoryOf(say("The site won't let me check out, it just spins"))).toBe('Technical issue');
  });

  it('reads "jira\'s down??" as a statement of an outage, and "what\'s down there?" as a question', () => {
    expect(sentences("jira's down?? 502 bad gateway for everyone on my team")[0]?.question).toBe(false);
    expect(sentences("what's down there?")[0]?.question).toBe(true);
    expect(findConcepts(fold("jira's down?? 502 bad gateway")).map((h) => h.id)).toContain('outage');
    expect(findConcepts(fold("it's down to the courier now")).map((h) => h.id)).not.toContain('outage');
  });

  it('ends a sentence at an emoji before a capital, so a statement and the question after it are read apart', () => {
    expect(
      sentences("Found it: the Alder lamp 🔥 To check, what's your postcode?").map((x) => [x.text, x.question]),
    ).toEqual([
      ['Found it: the Alder lamp 🔥', false],
      ["To check, what's your postcode?", true],
    ]);
    expect(sentences('thanks ❤️ That was quick.').map((x) => x.text)).toEqual(['thanks ❤️', 'That was quick.']);
    expect(sentences('ok 😭 so what now? the Acme® Pro kettle').map((x) => x.text)).toEqual([
      'ok 😭 so what now?',
      'the Acme® Pro kettle',
    ]);
  });

  it('reads a mailbox "gone from" Outlook as something wrong', () => {
    expect(
      gatherConcepts(transcript(say('payroll@ shared mailbox is gone from my outlook since the migration')))
        .plainProblem,
    ).toBe(true);
  });

  it('reads a missed delivery to rearrange as delivery scheduling', () => {
    expect(categoryOf(say("The driver said he couldn't find my house, can we reschedule?"))).toBe(
      'Shipping & delivery',
    );
  });
});

describe('damage words in other languages and forms', () => {
  it('reads inflected French and Spanish damage as a defect', () => {
    expect(categoryOf(say('Ma commande est arrivée cassée'))).toBe('Product defect');
    expect(categoryOf(say('El jarrón llegó rota y las tazas dañadas'))).toBe('Product defect');
  });
});

describe('word order in other languages', () => {
  it('reads "after cancelling … charged" with the cancellation first', () => {
    expect(categoryOf(say('Ich wurde nach der Kündigung weiter belastet'))).toBe('Billing');
  });

  it('reads German separable "stürzt … ab" as a crash', () => {
    expect(categoryOf(say('Die App stürzt ständig ab'))).toBe('Technical issue');
  });
});

describe('a mistake made when ordering is an order change', () => {
  it('reads "used the wrong address" on a new order as a change, not a misdelivery', () => {
    expect(categoryOf(say('I just placed an order but used the wrong address, can you fix it?'))).toBe('Order change');
  });
});

describe('everyday delivery and device problems', () => {
  it("reads stolen parcels, rude couriers and someone else's order", () => {
    expect(categoryOf(say('My package was stolen from my porch'))).toBe('Shipping & delivery');
    expect(categoryOf(say('Your courier was really rude to me'))).toBe('Shipping & delivery');
    expect(categoryOf(say("I received someone else's order"))).toBe('Returns & refunds');
  });

  it('reads a battery that drains in a day as a defect', () => {
    expect(categoryOf(say('The battery of the watch drains in a day'))).toBe('Product defect');
  });
});

describe('what goes wrong, said the way people say it', () => {
  it('reads money gone for something never asked for as a wrong charge (Billing)', () => {
    expect(
      categoryOf(
        say('I paused my plan in May and today £32.50 has gone out of my account for a delivery I never asked for'),
      ),
    ).toBe('Billing');
  });

  it('reads a broken feature of an app as a Technical issue, not a defective product', () => {
    expect(categoryOf(say("there's a problem with the booking app, it shows every class twice since Monday"))).toBe(
      'Technical issue',
    );
  });

  it('does not read the English "rota" as the Spanish "rota" (broken)', () => {
    expect(categoryOf(say('the staff app shows everyone an hour later than what I put on the rota'))).toBe(
      'Technical issue',
    );
  });

  it('reads "nothing has come" after "out for delivery" as not arrived', () => {
    expect(categoryOf(say("tracking has said 'out for delivery' since Monday and nothing has come"))).toBe(
      'Shipping & delivery',
    );
  });

  it('reads a date that no longer suits as a change to the order, not a fault', () => {
    expect(
      categoryOf(say("is it too late to swap the colour to green? and the 14th doesn't work anymore for delivery")),
    ).toBe('Order change');
  });

  it('reads a name that does not match the passport as a correction, not an item the customer dislikes', () => {
    expect(categoryOf(say("I can't check in, the name on the booking doesn't match my passport, it's misspelt"))).toBe(
      'Order change',
    );
  });

  it('reads a Spanish crack and wobble as a Product defect', () => {
    expect(
      categoryOf(say('Hola, la silla que me llegó ayer tiene una grieta en el respaldo y además cojea bastante')),
    ).toBe('Product defect');
  });
});

describe('more ways to say it', () => {
  it('reads a postponed delivery in French as a change to the order', () => {
    expect(
      categoryOf(say("Bonjour, est-ce qu'on peut décaler la livraison à la semaine d'après ? Je serai en déplacement")),
    ).toBe('Order change');
  });

  it('reads a charge the customer cannot explain as Billing', () => {
    expect(categoryOf(say('I was charged $64 on my card last week and I do not understand why'))).toBe('Billing');
  });
});

describe('money matters said indirectly', () => {
  it('reads a code that showed as applied while the full price was charged as a coupon not applied (Billing)', () => {
    expect(
      categoryOf(
        say('I used the code AUTUMN15 at checkout and it said applied but my card got charged the full amount'),
      ),
    ).toBe('Billing');
  });

  it('reads a higher debit than the price promised as fixed as a wrong charge (Billing)', () => {
    expect(
      categoryOf(say('£51.20 has just gone out of my account, I was told the price was fixed for 24 months at £35')),
    ).toBe('Billing');
  });
});

describe('security incidents told as a story', () => {
  const itCategory = field('category', IT_FIELDS);
  it('reads an attachment opened from what looked like a client as a security incident', () => {
    expect(
      categoryOf(
        say('uh oh. I opened an attachment from what I thought was a client and double-clicked a .js file inside'),
        itCategory,
      ),
    ).toBe('Security incident');
  });
});

describe('a service failing where money is only mentioned', () => {
  it('reads a purchase missing from the app as a technical issue, in English and Spanish', () => {
    expect(
      categoryOf(
        say("my ticket isnt showing in the Railbird app, it just says 'No active tickets' but I paid for it!!"),
      ),
    ).toBe('Technical issue');
    expect(categoryOf(say('pagué el billete pero no aparece en la app'))).toBe('Technical issue');
  });

  it('reads card readers offline and a sending feature that failed as technical issues', () => {
    expect(
      categoryOf(say("our card readers are all offline in all 3 shops, they say 'Payment service unavailable'")),
    ).toBe('Technical issue');
    expect(categoryOf(say('None of our recurring invoices went out yesterday, they still show as Scheduled'))).toBe(
      'Technical issue',
    );
  });

  it('leaves money that has not shown up yet to the money options', () => {
    expect(categoryOf(say("I returned the jacket two weeks ago and my refund isn't showing on my account yet"))).toBe(
      'Returns & refunds',
    );
  });
});

describe('a car seat is no licence seat, and a buckle that clicks is no software', () => {
  it('reads a car-seat buckle that will not latch as a defect', () => {
    expect(
      categoryOf(
        say(
          "the harness buckle on our car seat won't latch properly anymore, it clicks but pops open if you tug the straps",
        ),
      ),
    ).toBe('Product defect');
  });

  it('still reads an editor seat in an app as access on an IT desk', () => {
    expect(categoryOf(say('could I get a Figma editor seat? I am viewer-only'), field('category', IT_FIELDS))).toBe(
      'Access & permissions',
    );
  });

  it('reads reminders that stopped going out as a technical issue, a blender that stopped spinning as a defect', () => {
    expect(categoryOf(say('our SMS reminders stopped going out, patients missed appointments'))).toBe(
      'Technical issue',
    );
    expect(categoryOf(say('the blender stopped spinning after a week'))).toBe('Product defect');
  });
});

describe('cancelling a booking, or "it" the order', () => {
  it('reads a reservation cancelled before the stay as an order change, in English, French and Spanish', () => {
    expect(
      categoryOf(say('I need to cancel my hotel reservation for 4 June', 'I paid a 120 € deposit, I want it refunded')),
    ).toBe('Order change');
    expect(
      categoryOf(
        say(
          "je dois annuler ma réservation à l'hôtel pour le 4 juin",
          "j'ai versé un acompte de 120 €, je voudrais être remboursé svp",
        ),
      ),
    ).toBe('Order change');
    expect(
      categoryOf(
        say(
          'tengo que cancelar la reserva del hotel para el 4 de junio',
          'pagué 120 € de depósito, quiero el reembolso',
        ),
      ),
    ).toBe('Order change');
  });

  it('reads "cancel it" as the order the same message names, not a subscription', () => {
    expect(categoryOf(say("actually I'd rather cancel it. I ordered the grinder but my brother just got me one"))).toBe(
      'Order change',
    );
    expect(categoryOf(say('the subscription went up again. I want to cancel it'))).toBe('Billing');
  });

  it('lets a change of mind after a bot hand-over outdate the category the bot set', () => {
    const t = transcript(
      [
        ['customer', 'Lorenzo V', "when will my order ship? it's been 2 days"],
        ['agent', 'Daisy', 'Hi Lorenzo, I see CB-30218 is still in processing. What would you like to know?'],
        ['customer', 'Lorenzo V', "actually I'd rather cancel it. I ordered the grinder but my brother got me one"],
      ],
      {
        escalation: {
          bot: 'BrewBot',
          summary: 'asks when the order ships',
          values: { category: 'Shipping & delivery' },
        },
      },
    );
    expect(scoreChoice(category, t, gatherConcepts(t)).value).toBe('Order change');
  });
});

describe('a print that came out wrong', () => {
  it('reads a shifted or cut-off print as a defect, in English, Spanish and German', () => {
    expect(
      categoryOf(
        say('our 25 custom tees arrived this morning and the print is way off, the logo is shifted left and cut off'),
      ),
    ).toBe('Product defect');
    expect(categoryOf(say('llegaron las camisetas y el logo está torcido en todas'))).toBe('Product defect');
    expect(categoryOf(say('die Shirts sind da, aber der Aufdruck ist verschoben'))).toBe('Product defect');
  });

  it('does not read text that is off in an export as a defect', () => {
    expect(categoryOf(say('the text is off by one line in every CSV export'))).not.toBe('Product defect');
  });
});

describe('a return flight and "don\'t want this happening again"', () => {
  it('keeps a double charge on Billing when the customer also mentions their return flight', () => {
    expect(
      categoryOf(
        say(
          'I was charged twice for my checked bag on booking KX4R7P',
          "I'd like the second one refunded please",
          "also my return flight on the 14th, the bag is already paid for that one right? don't want this happening again",
        ),
      ),
    ).toBe('Billing');
  });

  it('still reads an item the customer no longer wants, and a return label, as a return', () => {
    expect(categoryOf(say("I don't want it anymore, can I return it?"))).toBe('Returns & refunds');
    expect(categoryOf(say('can you send me a return label for the boots?'))).toBe('Returns & refunds');
  });
});

describe('"pedí X y me ha llegado Y"', () => {
  it('reads another variant arrived, in the Spanish perfect tense, as a wrong item', () => {
    expect(categoryOf(say('Pedí el protector solar SPF 50 y me ha llegado el de SPF 30'))).toBe('Returns & refunds');
    expect(categoryOf(say('pedí la talla M pero me han enviado una L'))).toBe('Returns & refunds');
  });
});

describe('a parcel the carrier is holding', () => {
  it('reads "in giacenza", "en instance" and "ligt op het depot" as stuck in transit', () => {
    expect(categoryOf(say("il mio ordine risulta 'in giacenza' presso il corriere da giovedì"))).toBe(
      'Shipping & delivery',
    );
    expect(categoryOf(say('mon colis est en instance depuis lundi, personne ne m’a prévenu'))).toBe(
      'Shipping & delivery',
    );
    expect(categoryOf(say('mijn pakket ligt nog op het depot sinds donderdag'))).toBe('Shipping & delivery');
  });
});

describe('stuck on a progress message', () => {
  it('reads "stuck on \'Connecting…\'" as software that hangs on an IT desk', () => {
    expect(
      categoryOf(
        say("the boardroom panel is stuck on 'Connecting to the rooms service...' since this morning"),
        field('category', IT_FIELDS),
      ),
    ).toBe('Software');
  });
});

describe('an order that has not shipped yet', () => {
  it('reads a ship date still ahead as not shipped', () => {
    const ids = (s: string) => findConcepts(fold(s)).map((h) => h.id);
    expect(ids('my next parcel of tea ships on friday I think')).toContain('not_shipped');
    expect(ids("it's due to ship Monday")).toContain('not_shipped');
    expect(ids('I see the order, shipping Thursday 14 May')).toContain('not_shipped');
    expect(ids('it shipped on friday and still nothing')).not.toContain('not_shipped');
  });

  it('keeps a swap, a size change or money back on an order that has not left an order change', () => {
    expect(
      categoryOf(
        say(
          'the blue duvet cover I ordered is too small for our new bed, I need to swap it for a king',
          'it ships on thursday I think',
        ),
      ),
    ).toBe('Order change');
    expect(
      categoryOf([
        ['customer', 'Robin Hale', 'I ordered a desk lamp but honestly I dont want it anymore, can I get a refund'],
        ['agent', 'Sam', 'I see it has not shipped yet, so I can stop it.'],
      ]),
    ).toBe('Order change');
    // Once it has arrived, a swap is a return.
    expect(
      categoryOf(
        say('the blue duvet cover arrived yesterday but it is too small for our new bed, I need to swap it for a king'),
      ),
    ).toBe('Returns & refunds');
  });
});

describe('what a charge is for', () => {
  it('reads a code that showed a discount but a full-price charge as a coupon not applied', () => {
    const ids = (s: string) => findConcepts(fold(s)).map((h) => h.id);
    expect(
      ids('I entered the promo code and the basket showed 15% off but the final charge was the full price'),
    ).toContain('coupon_failed');
    expect(
      categoryOf(
        say(
          'I entered the promo code SPRING15 at checkout and the basket showed 15% off but the final charge was the full price',
        ),
      ),
    ).toBe('Billing');
  });

  it('reads a damage fee for damage that was there before as a wrong charge, not a damaged product', () => {
    expect(
      categoryOf(
        say(
          'I brought the hire van back on Monday and now there is a £250 damage fee on my card',
          'for a dent in the side door',
          'that dent was there when I collected it!!',
        ),
      ),
    ).toBe('Billing');
  });
});

describe('asking to change what was booked or ordered before it happens', () => {
  it('reads a question about a new date for a booked train or show as an order change, not an inquiry', () => {
    expect(categoryOf(say('hello, could I shift my train tickets from Thursday 3 June to Saturday 5 June?'))).toBe(
      'Order change',
    );
    expect(
      categoryOf(
        say(
          'we have 2 tickets for the concert on the 12th but we can no longer make it',
          'can we switch to the 19th instead?',
        ),
      ),
    ).toBe('Order change');
  });

  it('reads skipping an upcoming delivery of a plan as an order change, in English and French', () => {
    expect(categoryOf(say("we're away next week, can we skip the veggie box on Tuesday?"))).toBe('Order change');
    expect(categoryOf(say("on part en week-end, est-ce qu'on peut sauter la livraison de mardi ?"))).toBe(
      'Order change',
    );
  });

  it('reads "a few changes" to an existing reservation as an order change', () => {
    expect(categoryOf(say('Hi, I have a reservation with you next month and I need to make some changes'))).toBe(
      'Order change',
    );
  });

  it('keeps a pre-purchase question about moving house a general inquiry', () => {
    expect(categoryOf(say("I'm moving to Lyon next month, do you deliver to France?"))).toBe('General inquiry');
  });
});
