import { describe, expect, it } from 'vitest';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { findDeadlines } from '../../../core/predict/offline/dates.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { findAffectedCount } from '../../../core/predict/offline/numbers.js';
import { IT_FIELDS, input, type Line, transcript } from './helpers.js';

const predict = (lines: Line[], fields?: typeof IT_FIELDS) =>
  createOfflinePredictor().predict(input(lines, { fields }));
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);
const refundOf = (lines: Line[]) => findRefundRequest(transcript(lines))?.value ?? null;

describe('priority: blocked in other word orders and languages', () => {
  it('reads "checkout keeps failing" and "payment could not be processed" as unable to pay', async () => {
    expect(
      (await predict(say('I want to buy the annual pass but the checkout keeps failing'))).fields.priority?.value,
    ).toBe('High');
    expect(
      (await predict(say('every time it says "Payment could not be processed", tried two cards'))).fields.priority
        ?.value,
    ).toBe('High');
  });

  it('reads "cannot work" in German, Spanish, French and Portuguese as blocked', async () => {
    for (const text of [
      'Seit dem Update stürzt das Programm ab, ich kann gerade keine Bestellung buchen',
      'Desde la actualización la aplicación se cierra y no puedo trabajar',
      'Depuis la mise à jour le logiciel plante, je ne peux plus travailler',
      'Desde a atualização o programa trava e não consigo trabalhar',
    ])
      expect((await predict(say(text), IT_FIELDS)).fields.priority?.value).toBe('High');
  });

  it('keeps a group that can still work on a workaround at Normal', async () => {
    const lines = say(
      'the shared calendar vanished from Outlook for me, Ana and Joe, we are the three on reception',
      'we can still open it in the browser, just slower',
    );
    const p = await predict(lines, IT_FIELDS);
    expect(p.fields.affectedUsers?.value).toBe(3);
    expect(p.fields.priority?.value).toBe('Normal');
  });

  it('does not call a plainly stated problem a question because an invoice is mentioned', async () => {
    const p = await predict(say('the invoices folder disappeared from the shared drive this morning'), IT_FIELDS);
    expect(p.fields.priority?.value).not.toBe('Low');
  });
});

describe('counting the people who speak', () => {
  it('reads "we\'re the three in accounts" as three people', () => {
    expect(findAffectedCount(transcript(say("we're the three in accounts who use it")))?.value).toBe(3);
    expect(findAffectedCount(transcript(say("we're the three days late already")))?.value ?? null).toBeNull();
  });
});

describe('deadlines tonight in other languages', () => {
  const now = new Date('2026-03-10T14:00:00Z');
  it('reads an event tonight in Spanish and German as a deadline today', () => {
    for (const text of [
      'tengo entradas para el concierto de esta noche y la app no me deja verlas',
      'die Hochzeit ist heute Abend und das Kleid ist noch nicht da',
    ])
      expect(findDeadlines(transcript(say(text), { now })).at(-1)?.date).toBe('2026-03-10');
  });
});

describe('refund wording', () => {
  it('reads "I\'d like the second one refunded" as a request', () => {
    expect(refundOf(say('yes that was charged twice, I’d like the second one refunded please'))).toBe(true);
  });

  it('reads "das Geld zurück" with an article as a request', () => {
    expect(refundOf(say('Ich möchte das Geld zurück, die Abbuchung ist schon erfolgt'))).toBe(true);
  });

  it('reads the refund picked from an Italian offer, and money turned down in Spanish', () => {
    expect(
      refundOf([
        ['customer', 'Marco R', 'vorrei annullare il mio ordine'],
        ['agent', 'Sara (Shop)', 'Certo. Preferisce un buono o il rimborso?'],
        ['customer', 'Marco R', 'il rimborso, grazie'],
      ]),
    ).toBe(true);
    expect(
      refundOf([
        ['customer', 'Pablo H', 'quiero cambiar la talla'],
        ['agent', 'Nuria (Shop)', 'Claro. También puedo hacerte la devolución del importe.'],
        ['customer', 'Pablo H', 'no, el dinero no, quiero la talla M'],
      ]),
    ).toBe(false);
  });
});

describe('putting the conversation off says nothing about the problem', () => {
  it('predicts no category when the customer only names the item and says they will come back later', async () => {
    const p = await predict([
      ['customer', 'Harold P', 'hello'],
      ['agent', 'Mari (Shop)', 'Hi Harold, how can I help?'],
      ['customer', 'Harold P', "It's about the fridge we bought from you"],
      ['agent', 'Mari (Shop)', 'Of course, what is happening with it?'],
      ['customer', 'Harold P', 'hold on, my son keeps the paperwork'],
      ['customer', 'Harold P', "He's out. I'll have to come back to you later, sorry"],
    ]);
    expect(p.fields.category?.value ?? null).toBeNull();
    expect(p.fields.priority?.value ?? null).toBeNull();
  });
});

describe('order change wording', () => {
  it('reads "ordered X but meant to get Y" as an order change', async () => {
    const p = await predict(say('I ordered the large tent but I meant to get the small one, it has not shipped yet'));
    expect(p.fields.category?.value).toBe('Order change');
  });
});

describe('questions, dead work machines and changes against a delivery today', () => {
  it('reads "do you guys fix …" as a pre-purchase question, not a defect', async () => {
    const p = await predict(say('do you guys fix cracked screens on e-readers or only phones'));
    expect(p.fields.category?.value).toBe('General inquiry');
    expect(p.fields.priority?.value).toBe('Low');
  });

  it('makes a work laptop that will not start High on a desk whose High hint is "cannot work"', async () => {
    expect(
      (await predict(say("my laptop won't boot, just a black screen after the logo"), IT_FIELDS)).fields.priority
        ?.value,
    ).toBe('High');
    expect(
      (await predict(say("my laptop won't boot, just a black screen after the logo"))).fields.priority?.value,
    ).not.toBe('High');
  });

  it('takes a delivery later today as the deadline for changing the order', () => {
    const now = new Date('2026-03-10T09:00:00Z');
    const list = findDeadlines(
      transcript(
        say('I need to change the delivery address, the flowers are being delivered at 4 today for the party'),
        {
          now,
        },
      ),
    );
    expect(list.at(-1)?.date).toBe('2026-03-10');
    const plain = findDeadlines(
      transcript(say('the flowers are being delivered at 4 today for the party, thanks'), { now }),
    );
    expect(plain.at(-1)?.date ?? null).toBeNull();
  });
});

describe('head counts', () => {
  const countOf = (...texts: string[]) => findAffectedCount(transcript(say(...texts)))?.value ?? null;
  it('reads "we have 9 in today" and "two new people" as counts', () => {
    expect(countOf("nobody can scan, and we've got 9 in today")).toBe(9);
    expect(countOf('two new people start on Monday and need accounts')).toBe(2);
  });

  it('does not read "just me and the director" as one person', () => {
    expect(countOf('two new people start on Monday', 'the payroll folder is just me and the director')).toBe(2);
  });
});

describe('many people, questions and offers', () => {
  it('keeps many people who are only slowed down out of Urgent, and raises many who are blocked', async () => {
    const slowed = await predict(
      say('the staff app shows every shift an hour late, it is wrong for all 42 people on the rota'),
    );
    expect(slowed.fields.priority?.value).not.toBe('Urgent');
    const blocked = await predict(
      say("the VPN won't connect for anyone in the office, that's 15 people who can't work"),
      IT_FIELDS,
    );
    expect(blocked.fields.priority?.value).toBe('Urgent');
  });

  it('does not take "any workaround?" as being able to work', async () => {
    const p = await predict(
      say("my VPN won't connect from the hotel and I can't reach the CRM", 'any workaround in the meantime?'),
      IT_FIELDS,
    );
    expect(p.fields.priority?.value).toBe('High');
  });

  it('reads a short question after a described plan as a general inquiry', async () => {
    const p = await predict(
      say('Hi! I am travelling with you to Oslo in May and want to take my surfboard along. Can I buy space for it?'),
    );
    expect(p.fields.category?.value).toBe('General inquiry');
  });

  it('reads "take it off next month\'s bill" after an either/or refund offer as declining the refund', () => {
    expect(
      refundOf([
        ['customer', 'Nasser A', 'my bill is £12 higher than it should be'],
        ['agent', 'Imani (Mobile)', 'I can either refund it to your card or credit it against next month.'],
        ['customer', 'Nasser A', "just take it off next month's bill"],
      ]),
    ).toBe(false);
    expect(
      refundOf([
        ['customer', 'Nasser A', 'my bill is £12 higher than it should be'],
        ['agent', 'Imani (Mobile)', 'I can either refund it to your card or credit it against next month.'],
        ['customer', 'Nasser A', 'the refund to my credit card please'],
      ]),
    ).toBe(true);
  });
});

describe('phone numbers the bot already read and money paid back', () => {
  it('keeps the bot’s international form of the same national number', async () => {
    const p = await createOfflinePredictor().predict(
      input(
        [
          ['bot', 'HelpBot', 'Please share a phone number we can reach you on.'],
          ['customer', 'Guest 1100', '070-174 06 21'],
        ],
        { escalation: { bot: 'HelpBot', summary: 'parcel stuck', values: { phone: '+46701740621' } } },
      ),
    );
    expect(p.fields.phone?.value).toBe('+46701740621');
  });

  it('reads "I want that paid back, to my bank" as a refund request', () => {
    expect(refundOf(say('so I was overcharged £15. I want that paid back please, back to my bank'))).toBe(true);
  });
});

describe('wrong charges found and deadlines said after the fix', () => {
  it('raises a hire damage charge for damage that was already there to High', async () => {
    const p = await predict(
      say(
        'I got charged £300 for a dent on the van',
        'the dent was already there when I picked it up, it is on the form',
      ),
    );
    expect(p.fields.priority?.value).toBe('High');
  });

  it('counts an agent finding that the charge was a mistake, but not "no surprise fees"', async () => {
    const found = await predict([
      ['customer', 'Bea C', 'there is a £40 cleaning fee on my bill'],
      ['agent', 'Tom (Stays)', 'I checked: the fee was a mistake by our team, refunding it now.'],
    ]);
    expect(found.fields.priority?.value).toBe('High');
    const info = await predict([
      ['customer', 'Bea C', 'do you ship to Norway? are there customs fees'],
      ['agent', 'Tom (Shop)', 'Yes, duties are included at checkout so no surprise fees on delivery.'],
    ]);
    expect(info.fields.priority?.value).toBe('Low');
  });

  it('ignores a date mentioned in the message that says it is fixed', () => {
    const now = new Date('2026-03-10T14:00:00Z');
    expect(
      findDeadlines(
        transcript(say("code came through, I'm in. I have a big order due out friday so I was stressing"), { now }),
      ),
    ).toHaveLength(0);
    expect(findDeadlines(transcript(say('I need it fixed by friday, big order going out'), { now })).at(-1)?.date).toBe(
      '2026-03-13',
    );
  });
});

describe('deadline wording', () => {
  const now = new Date('2026-03-10T14:00:00Z'); // Tuesday
  const due = (text: string) => findDeadlines(transcript(say(text), { now })).at(-1)?.date ?? null;
  it('reads a need said after a delivery word as a new clause', () => {
    expect(due("my order hasn't arrived and I need it before the 20th")).toBe('2026-03-20');
    expect(due('it was delivered on the 20th')).toBeNull();
  });

  it('reads "by end of week" as the coming Friday and a month-day date after a need word', () => {
    expect(due('the export is broken, please fix by end of week')).toBe('2026-03-13');
    expect(due("my dress hasn't arrived and the party is on March 15")).toBe('2026-03-15');
    expect(due('I renewed in April and the price went up')).toBeNull();
  });
});

describe('variants wanted instead', () => {
  it('reads "hates the rainbow one and wants the pastel one" as not liked, but not a side remark', async () => {
    const p = await predict(
      say('we got the balance board and my daughter hates the rainbow one and wants the pastel one'),
    );
    expect(p.fields.category?.value).toBe('Returns & refunds');
  });
});

describe('asking for another delivery day', () => {
  it('reads "can you deliver on Saturday instead?" as an order change', async () => {
    const p = await predict(say('can you deliver on Saturday instead? order 66120'));
    expect(p.fields.category?.value).toBe('Order change');
  });
});

describe('counting the speaker with others', () => {
  const countOf = (...texts: string[]) => findAffectedCount(transcript(say(...texts)))?.value ?? null;
  it('counts "me and two colleagues" as three and "for me, Ana and Joe" as three', () => {
    expect(countOf("me and two colleagues can't print")).toBe(3);
    expect(countOf('the mailbox vanished for me, Ana and Joe')).toBe(3);
    expect(countOf('Zoom keeps crashing for me and Anna')).toBe(2);
    expect(countOf('thanks for me and my team')).toBeNull();
  });

  it('counts "my team of 8 can\'t …"', () => {
    expect(countOf("my team of 8 can't access the VPN")).toBe(8);
  });

  it('reads "the CRM is down" as a software outage on an IT desk', async () => {
    const p = await predict(say("the CRM is down, it's affecting about 30 people in sales"), IT_FIELDS);
    expect(p.fields.category?.value).toBe('Software');
    expect(p.fields.priority?.value).toBe('Urgent');
  });
});

describe('more refund wording', () => {
  it('reads returning for a refund, "cancel and refund", reversing a charge and German/Italian requests', () => {
    expect(refundOf(say('I want to return it for a full refund'))).toBe(true);
    expect(refundOf(say('please cancel and refund my order'))).toBe(true);
    expect(refundOf(say('could you reverse the charge?'))).toBe(true);
    expect(refundOf(say('Ich hätte gerne eine Rückerstattung'))).toBe(true);
    expect(refundOf(say('vorrei essere rimborsato'))).toBe(true);
    expect(refundOf(say('I got the refund yesterday, thanks'))).toBeNull();
  });

  it('reads "I can refund you or give store credit" as an offer', () => {
    expect(
      refundOf([
        ['customer', 'Ann Lee', 'my parcel is late'],
        ['agent', 'Sam (Shop)', 'I can refund you or give store credit.'],
        ['customer', 'Ann Lee', "I'd prefer store credit"],
      ]),
    ).toBe(false);
  });
});

describe('an invoice is a question only when something is asked', () => {
  it('keeps a disputed invoice line out of Low, and an invoice copy request Low', async () => {
    const disputed = await predict(
      say('my invoice shows €86 of roaming fees from Switzerland', 'I had booked the travel package that covers it'),
    );
    expect(disputed.fields.priority?.value).not.toBe('Low');
    const copy = await predict(say('could you send me a copy of my last invoice for my records?'));
    expect(copy.fields.priority?.value).toBe('Low');
  });
});

describe('a client call soon is a deadline today', () => {
  it('makes a lock-out before a client call in ten minutes Urgent, but not "call me tomorrow"', async () => {
    const p = await predict(say("I'm locked out of my account and have a client call in 10 minutes"), IT_FIELDS);
    expect(p.fields.priority?.value).toBe('Urgent');
    const later = await predict(say('my order is late, can you call me tomorrow?'));
    expect(later.fields.dueDate?.value ?? null).toBeNull();
  });
});

describe('what the customer confirms is theirs', () => {
  it('reads an agent reading confirmed with "yes" as the customer’s problem', async () => {
    const p = await predict([
      ['customer', 'Ann Lee', 'hi, something is off with my bill'],
      ['agent', 'Sam (Shop)', 'I can see you were charged twice for March, is that right?'],
      ['customer', 'Ann Lee', 'yes exactly'],
    ]);
    expect(p.fields.category?.value).toBe('Billing');
    expect(p.fields.priority?.value).toBe('High');
  });

  it('does not take an agent reading the customer turned down', async () => {
    const p = await predict([
      ['customer', 'Ann Lee', 'hi, something is off with my bill'],
      ['agent', 'Sam (Shop)', 'I can see you were charged twice for March, is that right?'],
      ['customer', 'Ann Lee', 'no, the total is fine, I just need the invoice sent to a different email'],
    ]);
    expect(p.fields.priority?.value).not.toBe('High');
  });
});
