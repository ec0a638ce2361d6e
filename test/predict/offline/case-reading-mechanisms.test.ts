import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { findRefundRequest } from '../../../core/predict/offline/booleans.js';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { findDeadlines } from '../../../core/predict/offline/dates.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { findStatedOption } from '../../../core/predict/offline/membership.js';
import { findPersonName } from '../../../core/predict/offline/names.js';
import { findCustomerPhone } from '../../../core/predict/offline/phone.js';
import { fold } from '../../../core/predict/offline/text.js';
import type { FieldDefinition } from '../../../core/types.js';
import { IT_FIELDS, input, type Line, transcript } from './helpers.js';

const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);
const appOf = (lines: Line[]) => findApplication(transcript(lines))?.value ?? null;
const predictor = createOfflinePredictor();
/** Category and priority of a customer's messages, with the shop's fields or the IT desk's. */
const categoryAndPriority =
  (fields?: FieldDefinition[]) =>
  async (...texts: string[]) => {
    const lines: Line[] = texts.map((text) => ['customer', 'Robin Hale', text]);
    const out = (await predictor.predict(input(lines, { fields }))).fields;
    return { category: out.category?.value ?? null, priority: out.priority?.value ?? null };
  };
const predict = categoryAndPriority();
const predictIt = categoryAndPriority(IT_FIELDS);

describe('a code that was not applied', () => {
  it('reads any code not applied to a price as a discount not given, in every language', async () => {
    expect(concepts("I bought the laptop yesterday and the SUMMER15 code didn't apply")).toContain('coupon_failed');
    expect(concepts('the code was accepted but not applied')).toContain('coupon_failed');
    for (const said of [
      "le code n'a pas été appliqué",
      'de code werd niet toegepast',
      'o código não foi aplicado',
      'il codice non è stato applicato',
      'der Code wurde nicht angewendet',
    ])
      expect(concepts(said), said).toContain('coupon_failed');
    expect(
      await predict(
        "I bought the Zentra 14 laptop yesterday and the SUMMER15 code didn't apply",
        'it showed as accepted at checkout but the receipt total is the full $1,099',
      ),
    ).toEqual({ category: 'Billing', priority: 'High' });
  });

  it('leaves a sign-in code and a question about where a code applies alone', () => {
    expect(concepts("the verification code didn't work")).not.toContain('coupon_failed');
    expect(concepts("the code doesn't apply to sale items?")).not.toContain('coupon_failed');
  });
});

describe('what nobody has done', () => {
  it('reads staff who have not come or called as a complaint, not an outage', async () => {
    expect(
      await predict(
        "you've taken £212.60 by direct debit this month, it's normally £84",
        "the bill says the reading was 'estimated'. nobody has read my meter since spring",
      ),
    ).toEqual({ category: 'Billing', priority: 'High' });
    expect((await predict('my fridge stopped cooling on Monday and no one has called me back since')).priority).toBe(
      'Normal',
    );
  });

  it('still reads nobody having access or mail as an outage', async () => {
    expect((await predict('the shop website is broken, nobody has access to their account since 9am')).priority).toBe(
      'Urgent',
    );
    expect((await predict('our shared inbox is broken, nobody has received any email since 9')).priority).toBe(
      'Urgent',
    );
  });
});

describe('an order changed before it comes', () => {
  it('reads a delivery still to come that nobody will be home for as one to move, in every language', async () => {
    expect(concepts("my sofa is being delivered on Thursday but I won't be home")).toEqual(['order_change']);
    expect(concepts('mijn bakfiets wordt donderdag bezorgd maar dan ben ik er niet')).toEqual(['order_change']);
    expect(concepts('die Lieferung kommt am Freitag, aber da bin ich nicht zu Hause')).toContain('order_change');
    expect(concepts('la entrega es el jueves pero no estaré en casa')).toContain('order_change');
    expect(concepts('la livraison est prévue jeudi mais je ne serai pas là')).toContain('order_change');
    expect(concepts('a entrega é na quinta mas não estarei em casa')).toContain('order_change');
    expect(concepts('la consegna è giovedì ma non ci sarò')).toContain('order_change');
    expect(
      await predict(
        'Goedemorgen, mijn bakfiets wordt donderdag bezorgd maar dan ben ik er niet',
        'kan het naar volgende week?',
      ),
    ).toEqual({ category: 'Order change', priority: 'Normal' });
  });

  it('still reads a delivery marked done that did not come as not received', () => {
    expect(concepts('it says delivered but nothing here')).toContain('not_received');
    expect(concepts('het pakket is bezorgd maar ik heb niks')).toContain('not_received');
    expect(concepts('es wurde geliefert, aber ich habe nichts')).toContain('not_received');
    expect(concepts('risulta consegnato ma non ho niente')).toContain('not_received');
    expect(concepts('it will be delivered tomorrow but I need it today')).not.toContain('not_received');
  });

  it('reads one item of an order cancelled and a booking moved as order changes', async () => {
    expect(concepts('can I cancel just the armchair?')).toContain('cancel');
    expect(concepts('cancelar solo la mesa, por favor')).toContain('cancel');
    expect(concepts('je voudrais annuler seulement la lampe')).toContain('cancel');
    for (const said of [
      'hi can I move my hotel booking to different dates?',
      'ich möchte meine Buchung umbuchen',
      'je voudrais modifier ma réservation',
      'vorrei spostare la prenotazione',
      'kan ik mijn boeking omboeken',
      'quiero cambiar mi reserva',
    ])
      expect(concepts(said), said).toContain('order_change');
    expect(
      await predict(
        'hi, I placed an order on Sunday for a dining table and an armchair. can I cancel just the armchair?',
      ),
    ).toEqual({ category: 'Order change', priority: 'Normal' });
  });

  it('leaves a booking confirmation and a subscription alone', () => {
    expect(concepts('can I change my booking confirmation email')).not.toContain('order_change');
    expect(concepts('I want to cancel my subscription')).not.toContain('cancel');
  });
});

describe('sign-in prompts nobody asked for', () => {
  it('reads prompts or codes the user did not trigger as compromised credentials, in every language', async () => {
    expect(concepts("I didn't try to log in")).toContain('compromised');
    expect(concepts("getting 2FA codes I didn't request")).toContain('compromised');
    expect(concepts('ich habe nicht versucht, mich anzumelden')).toContain('compromised');
    expect(concepts("je n'ai pas essayé de me connecter")).toContain('compromised');
    expect(concepts('não tentei entrar')).toContain('compromised');
    expect(concepts('non ho provato ad accedere')).toContain('compromised');
    expect(concepts('ik heb niet geprobeerd in te loggen')).toContain('compromised');
    expect(concepts('no intenté iniciar sesión')).toContain('compromised');
    expect(
      await predictIt(
        "hey IT, I've been getting Okta Verify push requests on my phone all night, like 15 of them. I didn't try to log in",
      ),
    ).toEqual({ category: 'Security incident', priority: 'Urgent' });
  });

  it('leaves a sign-in that fails or an account left unused alone', async () => {
    expect(concepts("I haven't logged in for months")).not.toContain('compromised');
    expect(concepts('I tried to log in but it failed')).not.toContain('compromised');
    expect((await predictIt('the Okta Verify push never arrives on my new phone so I cannot log in')).category).toBe(
      'Access & permissions',
    );
  });
});

describe('an add-in and the app it lives in', () => {
  it('reads the add-in as what fails, not the mail app or its invites', async () => {
    expect(concepts("the Zoom add-in disappeared from Outlook, I can't add zoom links to invites anymore")).toEqual([
      'install',
    ]);
    expect(
      concepts('das Zoom Add-in ist aus Outlook verschwunden, ich kann keine Einladungen mehr erstellen'),
    ).not.toContain('calendar');
    expect(
      (
        await predictIt(
          "the Zoom add-in disappeared from Outlook after this morning's update, I can't add zoom links to invites anymore",
        )
      ).category,
    ).toBe('Software');
  });

  it('leaves mail and invites alone when no add-in is named', () => {
    expect(concepts("since this morning's update Outlook won't send invites")).toContain('calendar');
  });
});

describe('something else came than was ordered', () => {
  it('reads the colour or size an order came in as a wrong item, in every language', async () => {
    expect(concepts('I ordered the linen dress in olive and got it in mustard yellow')).toContain('wrong_item');
    expect(concepts('pedí la camisa en verde y me llegó en azul')).toContain('wrong_item');
    expect(concepts("j'ai commandé la robe en vert et je l'ai reçue en jaune")).toContain('wrong_item');
    expect(concepts('ho ordinato il maglione blu e mi è arrivato in rosso')).toContain('wrong_item');
    expect(concepts('ik heb de jas in het zwart besteld en kreeg hem in bruin')).toContain('wrong_item');
    expect(concepts('pedi o vestido azul e chegou em verde')).toContain('wrong_item');
    expect(concepts('ich habe das Kleid in Oliv bestellt und in Senfgelb bekommen')).toContain('wrong_item');
    expect(await predict('Hi, I ordered the Juniper linen midi dress in olive and got it in mustard yellow')).toEqual({
      category: 'Returns & refunds',
      priority: 'Normal',
    });
  });

  it('reads an unwanted substitution as a wrong item, in every language', async () => {
    expect(concepts('ihr habt meine Hafermilch durch Kuhmilch ersetzt')).toContain('wrong_item');
    expect(concepts("vous avez remplacé mon lait d'avoine par du lait de vache")).toContain('wrong_item');
    expect(concepts('hanno sostituito il mio latte di avena con latte vaccino')).toContain('wrong_item');
    expect(
      await predict(
        "Hi, in today's delivery you substituted my oat milk with regular cow's milk. I'd ticked 'no substitutions'",
      ),
    ).toEqual({ category: 'Returns & refunds', priority: 'Normal' });
  });

  it('leaves how fast an order came and a substitution asked for alone', () => {
    expect(concepts('I ordered a phone and got it in two days')).not.toContain('wrong_item');
    expect(concepts('I ordered on Monday and got it in time')).not.toContain('wrong_item');
    expect(concepts('ich habe es am Montag bestellt und in zwei Tagen bekommen')).not.toContain('wrong_item');
    expect(concepts('can I substitute the oat milk for soy?')).not.toContain('wrong_item');
  });
});

describe('the application beside what it does', () => {
  it('takes a VPN client whose connection keeps dropping, and the app of a compromised sign-in', () => {
    expect(
      appOf([
        [
          'customer',
          'Gabe M',
          "the VPN keeps dropping for our whole team, every 10 min. FortiClient just says 'connection lost'",
        ],
      ]),
    ).toBe('FortiClient');
    expect(
      appOf([
        [
          'customer',
          'Dan O',
          "I've been getting Okta Verify push requests all night, like 15 of them. I didn't try to log in",
        ],
      ]),
    ).toBe('Okta Verify');
    expect(appOf([['customer', 'Ana P', 'the Wi-Fi keeps dropping in room 4. Teams calls cut out']])).toBeNull();
  });

  it('takes a network share by its name or path, in any language', () => {
    expect(
      appOf([
        [
          'customer',
          'Leah B',
          "since I moved team I get 'access denied' on the eng-projects share (\\\\fs02\\eng-projects)",
        ],
      ]),
    ).toBe('eng-projects share');
    expect(appOf([['customer', 'Jonas K', 'Zugriff verweigert auf \\\\fs01\\finanzen-2026, seit heute']])).toBe(
      'finanzen-2026 share',
    );
  });

  it('takes a known app an answer opens with, and not one only named later in a long answer', () => {
    const asked = (answer: string): Line[] => [
      ['customer', 'Katrin V', 'im gemeinsamen Kalender werden alle Termine eine Stunde zu spät angezeigt'],
      ['agent', 'Jan H (IT)', 'Passiert das in Outlook am Rechner, im Web oder auf dem Handy?'],
      ['customer', 'Katrin V', answer],
    ];
    expect(appOf(asked('Outlook am Rechner und im Web, auf dem Handy stimmt es komischerweise'))).toBe('Outlook');
    expect(appOf(asked('Am Rechner und im Web, auf dem Handy stimmt es, vielleicht wegen Outlook'))).toBeNull();
  });

  it('keeps an add-in named after another app in its host', () => {
    expect(
      appOf([['customer', 'Ignacio F', "the Zoom add-in disappeared from Outlook after this morning's update"]]),
    ).toBe('Outlook (Zoom add-in)');
  });
});

describe('the department someone is in', () => {
  const department: FieldDefinition = {
    key: 'department',
    label: 'Department',
    type: 'choice',
    required: false,
    aiManaged: true,
    options: ['Engineering', 'Sales', 'Finance', 'HR', 'Operations', 'Marketing'].map((value) => ({ value })),
  };
  const departmentOf = (lines: Line[]) => findStatedOption(department, transcript(lines), null)?.value ?? null;

  it('reads a hiring team as HR, and the unit in brackets after the team', () => {
    expect(departmentOf([['customer', 'Freya L', "some candidate CVs in downloads, I'm in recruiting (HR)"]])).toBe(
      'HR',
    );
    expect(departmentOf([['customer', 'Freya L', 'ich arbeite in der Personalabteilung']])).toBe('HR');
    expect(departmentOf([['customer', 'Freya L', 'I work in recruitment']])).toBe('HR');
  });

  it('reads a security group of the old team as no membership', () => {
    expect(
      departmentOf([
        ['customer', 'Leah B', "since I moved from marketing to the engineering team yesterday I get 'access denied'"],
        [
          'agent',
          'Anjali (IT)',
          'Your account is still only in the Marketing security group. Has your manager approved it?',
        ],
        ['customer', 'Leah B', 'yes, Tomás approved it yesterday'],
      ]),
    ).toBe('Engineering');
  });
});

describe('money back asked for', () => {
  const refundOf = (...texts: string[]) =>
    findRefundRequest(transcript(texts.map((text): Line => ['customer', 'Robin Hale', text])))?.value ?? null;

  it('reads an ultimatum over a refund as asking for it, in every language', () => {
    expect(refundOf("If it isn't refunded by Friday I'm filing a claim in small claims court")).toBe(true);
    expect(refundOf('si no me lo reembolsan antes del viernes, voy a reclamar')).toBe(true);
    expect(refundOf('wenn das Geld nicht bis Freitag erstattet ist, gehe ich zum Anwalt')).toBe(true);
    expect(refundOf("si ce n'est pas remboursé d'ici vendredi, je porte plainte")).toBe(true);
    expect(refundOf('se não for reembolsado até sexta, vou reclamar')).toBe(true);
    expect(refundOf('se non viene rimborsato entro venerdì, faccio causa')).toBe(true);
    expect(refundOf('als het niet voor vrijdag terugbetaald is, stap ik naar de rechter')).toBe(true);
  });

  it('reads a refund joined on with "and" as asked for', () => {
    expect(
      refundOf("yes cancel the Elsie chair please, it won't fit through the door", 'and refund it to my card'),
    ).toBe(true);
  });

  it('leaves a refund only mentioned alone', () => {
    expect(refundOf('if it was refunded, when would I see it?')).toBeNull();
    expect(refundOf('the agent said he would cancel and refund it')).toBeNull();
  });
});

describe('a need today said by the hour or by "je dois"', () => {
  const evening = new Date('2026-11-14T19:05:00Z');
  const dueOf = (text: string, now = evening) =>
    findDeadlines(transcript([['customer', 'Robin Hale', text]], { now })).map((d) => d.date);

  it('reads an event at an hour still to come today as due today, in every language', () => {
    expect(dueOf("the Gatehouse app won't show our tickets, the concert starts at 8 and we're in the queue")).toEqual([
      '2026-11-14',
    ]);
    expect(dueOf('la app no me muestra las entradas y el concierto empieza a las 9')).toEqual(['2026-11-14']);
    expect(dueOf('die App zeigt die Tickets nicht, das Konzert beginnt um 20 Uhr')).toEqual(['2026-11-14']);
    expect(dueOf("l'appli n'affiche pas les billets, le concert commence à 21h")).toEqual(['2026-11-14']);
  });

  it('reads "je dois … aujourd\'hui" as a need today', () => {
    expect(
      dueOf(
        "la promo se termine ce soir à minuit, je dois absolument commander aujourd'hui",
        new Date('2026-11-27T16:20:00Z'),
      ),
    ).toEqual(['2026-11-27']);
  });

  it('leaves an hour already past both ways, and an hour without a need', () => {
    expect(dueOf('my flight is at 6 and the app lost my booking')).toEqual([]);
    expect(dueOf('the app crashes, the store opens at 9')).toEqual([]);
  });
});

describe('a place is no person', () => {
  const nameOf = (...texts: string[]) =>
    findPersonName(transcript(texts.map((text): Line => ['customer', 'Visitor 8154', text])), undefined)?.value ?? null;

  it('reads a hotel, airport or station named by an anonymous visitor as no name, in every language', () => {
    expect(
      nameOf('hi can I move my hotel booking?', 'booking WT-58812, Hotel Miramar Porto, currently 14-17 May'),
    ).toBeNull();
    expect(nameOf('reserva WT-58812, Hostal Miramar Porto, del 14 al 17 de mayo')).toBeNull();
    expect(nameOf('Buchung WT-58812, Gasthof Alpenblick, vom 14. bis 17. Mai')).toBeNull();
  });

  it('reads one capitalised word as the whole reply to a name request as the name, in any language', () => {
    const replied = (ask: string, answer: string) =>
      findPersonName(
        transcript([
          ['customer', 'Visitor 8154', 'hi can I move my hotel booking to different dates?'],
          ['agent', 'Sofia (Wayfarer Trips)', ask],
          ['customer', 'Visitor 8154', answer],
        ]),
        undefined,
      )?.value ?? null;
    expect(replied('Could I have the name of the lead guest to confirm?', 'Priyanka')).toBe('Priyanka');
    expect(replied('¿Me dice su nombre, por favor?', 'Priyanka')).toBe('Priyanka');
    expect(replied('Could I have the name of the lead guest to confirm?', 'Thursday')).toBeNull();
    expect(replied('Which hotel was it?', 'Miramar')).toBeNull();
  });

  it('still reads a name the visitor gives', () => {
    expect(nameOf('hi, my name is Priyanka Menon, I need to move my hotel booking')).toBe('Priyanka Menon');
  });
});

describe("a backup number that is someone else's", () => {
  const phoneOf = (...texts: string[]) =>
    findCustomerPhone(transcript(texts.map((text): Line => ['customer', 'Yusuf Demir', text])), 'US', undefined)
      ?.value ?? null;

  it('keeps the own number given first, in every language', () => {
    expect(phoneOf("(646) 555-0117, if no answer my wife's is 646-555-0152")).toBe('+16465550117');
    expect(phoneOf('(646) 555-0117, si no contesto el de mi esposa es 646-555-0152')).toBe('+16465550117');
    expect(phoneOf('(646) 555-0117, sonst die von meiner Frau: 646-555-0152')).toBe('+16465550117');
  });

  it('still takes a correction and a number given alone', () => {
    expect(phoneOf('(646) 555-0117, sorry no, it is 646-555-0152')).toBe('+16465550152');
    expect(phoneOf("my wife's number is best: 646-555-0152")).toBe('+16465550152');
  });
});
