import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../../core/predict/offline/dates.js';
import { transcript } from './helpers.js';

// Tuesday 10 March 2026
const now = new Date('2026-03-10T14:00:00Z');
const deadlineOf = (text: string, lang?: string) => {
  const list = findDeadlines(transcript([['customer', lang ?? 'Ann Lee', text]], { now }));
  return list[list.length - 1]?.date ?? null;
};

describe('deadlines relative to the reference time', () => {
  it('resolves weekdays, ordinals and today/tonight forward from the message time', () => {
    expect(deadlineOf("it's a gift for saturday, I need it by then")).toBe('2026-03-14');
    expect(deadlineOf('our accountant needs the export by friday')).toBe('2026-03-13');
    expect(deadlineOf('I need it by the 15th, it is for my mum')).toBe('2026-03-15');
    expect(deadlineOf('I have an assignment due tonight at 11')).toBe('2026-03-10');
    expect(deadlineOf('we need it gone by the 2nd')).toBe('2026-04-02');
  });

  it('reads other languages', () => {
    expect(deadlineOf("J'ai besoin de la parure pour samedi 14, j'ai des invités")).toBe('2026-03-14');
    expect(deadlineOf('heute um 15 Uhr müssen wir die Rechnungen verschicken')).toBe('2026-03-10');
  });

  it('does not take delivery estimates, bookings or past dates', () => {
    expect(deadlineOf('it was supposed to be here friday')).toBeNull();
    expect(deadlineOf("it's for delivery on friday")).toBeNull();
    expect(deadlineOf('we need it by the 20th, the new sofa gets delivered on the 21st')).toBe('2026-03-20');
    expect(deadlineOf('my password expires today')).toBeNull();
    // The customer repeating the agent's estimate is still an estimate.
    expect(deadlineOf('ok so to recap: new teapot, express, arrives by tuesday 17th')).toBeNull();
    expect(deadlineOf("so it'll arrive by the 19th?")).toBeNull();
    expect(deadlineOf('I need it by tuesday 17th')).toBe('2026-03-17');
  });

  it('only listens to the customer', () => {
    const t = transcript(
      [
        ['customer', 'Ann Lee', 'my vase arrived cracked'],
        ['agent', 'Will (Clay)', 'It should arrive by the 13th.'],
      ],
      { now },
    );
    expect(findDeadlines(t)).toEqual([]);
  });
});

describe('times that are not deadlines, and deadlines said indirectly', () => {
  it('does not take the time the customer noticed something for a deadline', () => {
    expect(deadlineOf('and this morning I saw £40 gone from my card for a box I paused, I need it back')).toBeNull();
  });

  it('does not take "this morning", written in the afternoon, as still to come', () => {
    expect(deadlineOf('it was fine this morning but I need it sorted')).toBeNull();
  });

  it('does not take when to call the customer for a deadline', () => {
    expect(deadlineOf('07700 900123, best before 2pm when it is quiet')).toBeNull();
  });

  it('takes something that closes tonight as a deadline today', () => {
    expect(deadlineOf('online check-in closes at midnight tonight and the name on it is wrong')).toBe('2026-03-10');
  });

  it('takes "enough to last until Saturday" as needed by Saturday', () => {
    expect(deadlineOf("I have enough tablets to last until Saturday, after that I'm out")).toBe('2026-03-14');
  });
});

describe('which date is the deadline', () => {
  it('takes "by the 23rd" over "on the 24th" in the same sentence', () => {
    expect(deadlineOf('the trip starts on the 24th so I really need it by the 23rd at the latest')).toBe('2026-03-23');
  });

  it('takes the day of a birthday as the date it is needed by', () => {
    expect(deadlineOf("it's for my son's birthday on the 30th, will it make it?")).toBe('2026-03-30');
  });
});

describe('the deadline among several times in a sentence, and in other languages', () => {
  it('takes the date after "by" over a later "right now"', () => {
    expect(deadlineOf("I really need the right ones by Friday, I'm flying out that day and it's awful right now")).toBe(
      '2026-03-13',
    );
  });

  it('reads the day of the month after an article as the date an outing needs it by', () => {
    const italian = transcript(
      [
        ['customer', 'Chiara Ferri', 'ho ordinato gli scarponi numero 39 ma nella scatola ci sono i 41'],
        ['customer', 'Chiara Ferri', "sì, ma mi servono per un'escursione il 20, arriveranno in tempo?"],
      ],
      { now },
    );
    expect(findDeadlines(italian).map((d) => d.date)).toEqual(['2026-03-20']);
    expect(deadlineOf('los necesito para el viaje del 18, llegan a tiempo?')).toBe('2026-03-18');
  });

  it('does not read a size or an amount after an article as a day', () => {
    expect(deadlineOf('necesito el 20% de descuento para el viaje, me lo prometieron')).toBeNull();
  });
});

describe('a date named first, then needed "by then"', () => {
  const secondLine = (opening: string, text: string) => {
    const list = findDeadlines(
      transcript(
        [
          ['customer', 'Eva Lind', opening],
          ['customer', 'Eva Lind', text],
        ],
        { now },
      ),
    );
    return list[list.length - 1]?.date ?? null;
  };
  const de = 'Hallo, die Vase ist kaputt angekommen und das Glas ist zerbrochen.';
  const es = 'Hola, el jarrón llegó roto y el cristal está hecho pedazos.';
  const nl = 'Hallo, de lamp is kapot aangekomen en het glas ligt helemaal in stukken.';

  it('reads "bis dahin", "para entonces", "voor die tijd" after the date as the deadline, not after a delivery or a past day', () => {
    expect(secondLine(de, 'Wir feiern am Samstag, es wäre schön, wenn die neue bis dahin hier ist')).toBe('2026-03-14');
    expect(secondLine(es, 'Tenemos una cena el sábado, ¿podría llegar para entonces?')).toBe('2026-03-14');
    expect(secondLine(nl, 'We krijgen zaterdag bezoek, kan het er voor die tijd zijn?')).toBe('2026-03-14');
    expect(secondLine(de, 'Die Lieferung kommt am Freitag, bis dahin kann ich nicht arbeiten')).toBeNull();
    expect(secondLine(de, 'Ich war am Montag im Laden, bis dahin lief alles')).toBeNull();
    expect(secondLine(es, 'La entrega llega el viernes, hasta entonces no puedo usarla')).toBeNull();
  });
});

describe('departures, orders not yet placed and verbs that look like events', () => {
  const early = new Date('2026-03-10T06:30:00Z');
  const earlyDeadline = (text: string) =>
    findDeadlines(transcript([['customer', 'Ann Lee', text]], { now: early }))[0]?.date ?? null;

  it('takes a train or bus leaving today, with the ticket needed for it, as a deadline today', () => {
    expect(earlyDeadline('the boarding pass is in the app and my bus leaves at 8:10 this morning')).toBe('2026-03-10');
    expect(earlyDeadline('mi tren sale a las 9 esta mañana y el billete está en la app')).toBe('2026-03-10');
    expect(earlyDeadline('mon train part ce matin à 8h, le billet est dans l’appli')).toBe('2026-03-10');
  });

  it('does not take the day the customer would order for a deadline', () => {
    expect(deadlineOf('if we order the flowers today could they come on friday? it is for a party')).toBeNull();
    expect(deadlineOf('si lo pido hoy, ¿estaría listo para la fiesta?')).toBeNull();
    expect(deadlineOf('if it is not fixed today I need a refund')).toBe('2026-03-10');
  });

  it('does not take "show" the verb for a show', () => {
    expect(deadlineOf("the calendar doesn't show any friday bookings")).toBeNull();
    expect(deadlineOf('we have a show on friday and the speakers are dead')).toBe('2026-03-13');
    expect(deadlineOf("the speakers for tonight's show are dead")).toBe('2026-03-10');
  });
});

describe('the date of an event bought or called off', () => {
  it('is no deadline unless the customer says it must be sorted by then', () => {
    expect(deadlineOf('the Harbour Lights gig on the 22nd got cancelled, how do I get my money back?')).toBeNull();
    expect(deadlineOf('I bought 2 seats for the show on the 20th and was charged twice')).toBeNull();
    expect(deadlineOf('I booked tickets for the concert on the 20th and they never came, I need them by then')).toBe(
      '2026-03-20',
    );
    expect(deadlineOf('the app will not open my tickets for the concert tonight')).toBe('2026-03-10');
  });

  it('takes tickets for tonight as a deadline today, whatever the event is called', () => {
    expect(deadlineOf("the app says 'Ticket unavailable' when I open my tickets for Harbour Lights tonight")).toBe(
      '2026-03-10',
    );
    expect(deadlineOf('my tickets for the 20th never came')).toBeNull();
    // Bought for a later day the date is the event's; bought for tonight it is still tonight.
    expect(deadlineOf("I bought 2 tickets for the show tonight and the app won't show them")).toBe('2026-03-10');
  });
});

describe('today said as a time of the working day', () => {
  it('reads close of business, lunch, noon and going live tonight as today; lunch that is past is no deadline', () => {
    expect(deadlineOf('need it sorted by close of business')).toBe('2026-03-10');
    expect(deadlineOf('I need it before lunch please')).toBe('2026-03-10');
    expect(deadlineOf('my exam starts at noon and the portal will not load')).toBe('2026-03-10');
    expect(deadlineOf('we go live at 6pm tonight and the checkout is broken')).toBe('2026-03-10');
    expect(deadlineOf("it's been broken since lunchtime")).toBeNull();
  });
});

describe('needs said without a need word', () => {
  it('reads an offer that ends today as a deadline today', () => {
    expect(deadlineOf('e a promoção acaba hoje à meia-noite')).toBe('2026-03-10');
    expect(deadlineOf('the sale ends tonight and the checkout keeps failing')).toBe('2026-03-10');
  });

  it('reads an expo or trade show today as a deadline today', () => {
    expect(deadlineOf("we're exhibiting at the spring expo TODAY, doors open at 12")).toBe('2026-03-10');
  });

  it('reads the date of an occasion asked about "in time" as the deadline', () => {
    expect(deadlineOf("lo volevo regalare ai miei per l'anniversario il 19 marzo, arriverà in tempo?")).toBe(
      '2026-03-19',
    );
    expect(deadlineOf('it is a present for the 19th, will it get here in time?')).toBe('2026-03-19');
  });

  it('reads the day the customer leaves as the deadline, not a delivery date after a holiday', () => {
    expect(deadlineOf("c'est possible de l'envoyer avant ? je pars le 20 mars et je voudrais les emporter")).toBe(
      '2026-03-20',
    );
    expect(deadlineOf('je pars en vacances la semaine prochaine, je peux sauter la box du jeudi 19 mars ?')).toBeNull();
  });

  it('gives tonight to the event named after a delivery word', () => {
    expect(deadlineOf('my tickets never arrived and the gig is tonight')).toBe('2026-03-10');
    expect(deadlineOf('I bought a ticket this morning for the 17:40 to Leeds today and it will not open')).toBe(
      '2026-03-10',
    );
  });

  it('does not take a shipment "due to go out" for a need', () => {
    expect(deadlineOf('hi so my autoship is due to go out tomorrow')).toBeNull();
  });
});

describe('occasions at home, holidays abroad and days named as past', () => {
  it('reads guests coming tonight as a need for today', () => {
    expect(deadlineOf('the caterer has not turned up and we have 12 guests at 7 tonight')).toBe('2026-03-10');
    expect(deadlineOf('my veg box is missing and I have friends coming over for dinner tonight')).toBe('2026-03-10');
  });

  it('does not move "last Sunday" a week ahead', () => {
    expect(deadlineOf('I paid for a window seat on my flight last Sunday and was moved to the aisle')).toBeNull();
  });
});

describe('deadlines said as "at the latest", "won\'t … without it", or as an occasion today', () => {
  const deadlinesOf = (lines: Array<[string, string]>) =>
    findDeadlines(
      transcript(
        lines.map(([a, x]) => ['customer', a, x] as ['customer', string, string]),
        { now },
      ),
    ).at(-1)?.date ?? null;

  it('reads a German "braucht … spätestens" as the date needed', () => {
    expect(
      deadlinesOf([
        ['Uwe Brandt', 'Meine Kupplung ist immer noch nicht da'],
        ['Uwe Brandt', 'Der Mechaniker braucht sie spätestens Freitag, sonst steht das Auto noch eine Woche herum'],
      ]),
    ).toBe('2026-03-13');
  });

  it('reads "they won\'t let him in without it" as a need for the date named', () => {
    expect(deadlineOf("he starts summer camp on monday the 16th and they won't let him in without it")).toBe(
      '2026-03-16',
    );
  });

  it('reads a funeral or wedding service said to be today as today', () => {
    expect(
      deadlinesOf([
        ['Ann Lee', 'the memorial flowers arrived crushed'],
        ['Ann Lee', 'the service is at 4pm today'],
      ]),
    ).toBe('2026-03-10');
    expect(deadlineOf('my car service is at 4pm today, can you move my delivery?')).toBeNull();
  });

  it('does not take the date of a booked occasion, weekday and month named, for a deadline', () => {
    expect(
      deadlineOf('Our party is booked with you for Saturday 20 June (ref PB-0620), can we add 5 guests?'),
    ).toBeNull();
  });
});
