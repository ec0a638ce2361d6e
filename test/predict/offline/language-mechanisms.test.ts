import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../../core/predict/offline/dates.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { detectLanguage } from '../../../core/predict/offline/language.js';
import { fold } from '../../../core/predict/offline/text.js';
import { IT_FIELDS, input, type Line, transcript } from './helpers.js';

const now = new Date('2026-03-10T14:00:00Z'); // a Tuesday
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('Italian and Dutch conversations', () => {
  it('detects Italian and Dutch without pulling Spanish or German over', () => {
    expect(detectLanguage(fold('Buongiorno, ho ordinato ieri una lampada ma non è ancora arrivata, grazie'))).toBe(
      'it',
    );
    expect(detectLanguage(fold('Goedemorgen, ik heb een lamp besteld maar die is nog niet aangekomen'))).toBe('nl');
    expect(detectLanguage(fold('Hola, pedí una lámpara ayer pero no ha llegado, gracias'))).toBe('es');
    expect(detectLanguage(fold('Guten Tag, ich habe gestern eine Lampe bestellt, sie ist nicht angekommen'))).toBe(
      'de',
    );
  });

  it('reads deadlines in Italian and Dutch', () => {
    const it = findDeadlines(transcript(say('Buongiorno, ho bisogno della lampada entro venerdì, grazie'), { now }));
    expect(it.at(-1)?.date).toBe('2026-03-13');
    const nl = findDeadlines(
      transcript(say('Goedemorgen, ik heb het uiterlijk vrijdag nodig voor een feest'), { now }),
    );
    expect(nl.at(-1)?.date).toBe('2026-03-13');
  });

  it('reads a national number in an Italian chat as Italian', async () => {
    const p = await createOfflinePredictor().predict(
      input(
        say('Buongiorno, il mio ordine non è ancora arrivato', 'il mio numero di telefono è 312 345 6789, grazie'),
        { now },
      ),
    );
    expect(p.fields.phone?.value).toBe('+393123456789');
  });
});

describe('Italian and Dutch wording in the other extractors', () => {
  it('reads introductions, refunds, order words and departments', async () => {
    const p = await createOfflinePredictor().predict(
      input(
        [
          ['customer', 'Visitor 4410', 'Goedemorgen, mijn naam is Sanne de Wit'],
          [
            'customer',
            'Visitor 4410',
            'bestelnummer 5520917, de lamp is kapot aangekomen. Ik wil graag mijn geld terug',
          ],
        ],
        { now },
      ),
    );
    expect(p.fields.customerName?.value).toBe('Sanne de Wit');
    expect(p.fields.orderNumber?.value).toBe('5520917');
    expect(p.fields.refundRequested?.value).toBe(true);
  });
});

describe('outages, dead machines, phishing and charges after cancelling, in the other languages', () => {
  const run = (text: string, itDesk = true) =>
    createOfflinePredictor().predict(input(say(text), { now, fields: itDesk ? IT_FIELDS : undefined }));

  it('reads a whole office without internet in Dutch or Spanish as an outage', async () => {
    expect((await run('Het hele kantoor heeft geen internet, niemand kan werken')).fields.priority?.value).toBe(
      'Urgent',
    );
    expect((await run('Nadie puede conectarse a la red desde esta mañana')).fields.priority?.value).toBe('Urgent');
    expect((await run('Merci à tout le monde pour votre aide, le réseau est lent')).fields.priority?.value).not.toBe(
      'Urgent',
    );
  });

  it('reads a work laptop that will not start in German as High, and no app from "Mein Laptop"', async () => {
    const p = await run('Mein Laptop startet nicht mehr, nur ein schwarzer Bildschirm');
    expect(p.fields.priority?.value).toBe('High');
    expect(p.fields.application?.value ?? null).toBeNull();
  });

  it('reads clicking a suspicious link in Italian as a security incident', async () => {
    const p = await run('Ho cliccato su un link sospetto in una email e ho inserito la password');
    expect(p.fields.category?.value).toBe('Security incident');
  });

  it('reads "prélevé alors que j\'ai résilié" as a wrong charge', async () => {
    const p = await run("J'ai été prélevé alors que j'ai résilié mon abonnement le mois dernier", false);
    expect(p.fields.priority?.value).toBe('High');
  });
});

describe('IT desk in Italian and Dutch', () => {
  const run = (text: string) => createOfflinePredictor().predict(input(say(text), { now, fields: IT_FIELDS }));
  it('reads a lost laptop, a locked account and a VPN that will not connect', async () => {
    expect((await run('Ho perso il portatile aziendale sul treno')).fields.category?.value).toBe('Security incident');
    expect((await run('Ik ben mijn laptop kwijt, in de trein laten liggen')).fields.priority?.value).toBe('Urgent');
    expect((await run('Mijn account is geblokkeerd na te veel pogingen')).fields.priority?.value).toBe('High');
    expect((await run('La VPN non si connette da casa')).fields.priority?.value).toBe('High');
    expect((await run('ik ben blij met mijn laptop maar de muis is kapot')).fields.category?.value).toBe('Hardware');
  });

  it('reads a request for access to a shared folder', async () => {
    expect((await run("Ho bisogno dell'accesso alla cartella condivisa del marketing")).fields.category?.value).toBe(
      'Access & permissions',
    );
  });
});

describe('IT equipment and apps in the other languages', () => {
  const run = (text: string) => createOfflinePredictor().predict(input(say(text), { now, fields: IT_FIELDS }));
  it('files printers and flickering screens under Hardware, apps that will not open under Software', async () => {
    const printer = await run('No puedo imprimir, la impresora no responde');
    expect(printer.fields.category?.value).toBe('Hardware');
    expect(printer.fields.priority?.value).toBe('Normal');
    expect((await run('Mein Bildschirm flackert ständig')).fields.category?.value).toBe('Hardware');
    expect((await run('Il mio Teams non si apre più')).fields.category?.value).toBe('Software');
  });
});

describe('cosmetic damage said to be not urgent, in the other languages', () => {
  it('files a small scratch as a defect with Low priority', async () => {
    for (const text of [
      'Hay un pequeño rasguño en la tapa, no es urgente',
      'Kleiner Kratzer am Deckel, nicht dringend',
      'Petite rayure sur le couvercle, pas urgent',
      'Um pequeno arranhão na tampa, não é urgente',
    ]) {
      const p = await createOfflinePredictor().predict(input(say(text), { now }));
      expect(p.fields.category?.value).toBe('Product defect');
      expect(p.fields.priority?.value).toBe('Low');
    }
  });
});

describe('a topic named in other languages is no problem yet', () => {
  it('leaves title, category and priority empty for "a question about my order"', async () => {
    for (const text of [
      'hola, tengo una pregunta sobre mi pedido',
      'Hallo, ich habe eine Frage zu meiner Bestellung',
      "Bonjour, j'ai une question concernant ma commande",
      'Olá, tenho uma dúvida sobre o meu pedido',
    ]) {
      const p = await createOfflinePredictor().predict(input(say(text), { now }));
      expect(p.fields.title?.value ?? null).toBeNull();
      expect(p.fields.category?.value ?? null).toBeNull();
    }
  });
});

describe('telling Italian, Dutch and German from their neighbours', () => {
  it('reads chats that share articles with Spanish or English', () => {
    const lang = (text: string) => detectLanguage(fold(text));
    expect(lang('la lavatrice che ho comprato a marzo perde acqua da sotto, non posso usarla')).toBe('it');
    expect(lang('de printers op de tweede verdieping werken steeds niet, alleen de kleine werkt')).toBe('nl');
    expect(lang('seit heute kommt keine Mail mehr an, Senden geht noch')).toBe('de');
    expect(lang('the printer on the second floor stopped working, per the IT page I restarted it')).toBe('en');
  });
});

describe('short chats', () => {
  const langs = (...texts: string[]) => texts.map((text) => detectLanguage(fold(text)));

  it('reads a two-line Dutch chat as Dutch, not English', () => {
    expect(langs('Hallo, mijn fiets is kapot aangekomen', 'dank je wel, tot straks')).toEqual(['nl', 'nl']);
  });

  it('reads a short chat in a language not read as another language, not English or Portuguese', () => {
    const polish = 'Dzień dobry, mój zegarek przyszedł uszkodzony';
    const swedish = 'Hej, jag har inte fått min jacka än';
    const danish = 'Hej, min pakke er ikke kommet endnu';
    expect(langs(polish, swedish, danish, 'Merhaba, kargom hala gelmedi')).toEqual(Array(4).fill('other'));
  });

  it('keeps short English chats English, with a foreign name or place in them', () => {
    const names = ['parcel missing, Marta de Souza here', 'shipped from Aarhus last week'];
    expect(langs('need a refund', 'no rush', 'hi', ...names)).toEqual(Array(5).fill('en'));
  });
});

describe('a chat in a language the predictor does not read', () => {
  it('is read as that, not as English, and still predicts without failing', async () => {
    const lines: Line[] = [
      ['customer', 'Agnieszka Nowak', 'Dzień dobry, zamówiłam sofę trzy tygodnie temu i nadal nie dotarła'],
      ['customer', 'Agnieszka Nowak', 'potrzebuję jej do 20.03, mój email to agnieszka.nowak@example.com'],
    ];
    expect(transcript(lines).language).toBe('other');
    const f = (await createOfflinePredictor().predict(input(lines))).fields;
    expect(f.customerName?.value).toBe('Agnieszka Nowak');
    expect(f.email?.value).toBe('agnieszka.nowak@example.com');
    expect(() => findDeadlines(transcript(lines))).not.toThrow();
  });
});
