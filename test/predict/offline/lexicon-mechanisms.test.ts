import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('concept lexicon gaps', () => {
  it('reads an apology for one’s own odd message as no phishing report', () => {
    expect(concepts('sorry about the weird message earlier, wrong chat')).not.toContain('phishing');
    expect(concepts('I got a weird message asking me to confirm my bank details')).toContain('phishing');
  });

  it('reads typing a named password into a page as phishing', () => {
    expect(concepts('I opened the link and typed my Google password into it')).toContain('phishing');
    expect(concepts('I entered my password wrong three times')).not.toContain('phishing');
  });

  it('reads a work laptop left on a train, or a call to lost property, as a lost device', () => {
    expect(concepts("j'ai oublié mon ordinateur du bureau dans le train")).toContain('lost_device');
    expect(concepts('I already rang the station lost property office')).toContain('lost_device');
    expect(concepts('me he dejado el portátil en casa, ¿puedo trabajar en remoto?')).not.toContain('lost_device');
  });

  it('does not read "me di cuenta" (I realised) as an account', () => {
    expect(concepts('me di cuenta de que el pedido no estaba')).not.toContain('account');
    expect(concepts('no puedo entrar en mi cuenta')).toContain('account');
  });

  it('knows parts that come undone, loose or away from what holds them, and worn-out materials, in six languages', () => {
    for (const s of [
      'the zip has come away from the fabric after a week',
      'the sole is coming away from the upper',
      'the stitching on the strap has come undone',
      'one of the hinges has worked loose',
      'the jumper is already pilling after two wears',
      'la suela se ha despegado',
      "la couture de la manche s'est décousue",
      'die Naht ist aufgegangen',
      'a sola descolou depois de uma semana',
      'la cucitura si è scucita',
    ])
      expect(concepts(s), s).toContain('faulty');
    expect(concepts('I came away from the call none the wiser')).not.toContain('faulty');
    // A lens or a camera that shows everything blurry; a photo the customer took is no product.
    expect(concepts('the left lens is wrong, everything is blurry out of it')).toContain('faulty');
    expect(concepts('the new camera is blurry at every zoom level')).toContain('faulty');
    expect(concepts('the photo I uploaded is a bit blurry, sorry')).not.toContain('faulty');
  });

  it('knows torn and crushed in French, Spanish, Portuguese and German', () => {
    for (const s of [
      'la boîte est arrivée écrasée',
      'la caja llegó aplastada',
      'a capa veio rasgada',
      'der Karton war zerrissen',
    ])
      expect(concepts(s)).toContain('damaged');
  });

  it('knows a battery getting burning hot, or smelling of burning in Dutch, as unsafe', () => {
    expect(concepts('the power bank gets burning hot while charging')).toContain('unsafe');
    expect(concepts('de lader ruikt naar brandlucht')).toContain('unsafe');
    expect(concepts('the soup arrived hot and tasty')).not.toContain('unsafe');
  });

  it('knows cancelling an order and a refund in Italian', () => {
    expect(concepts('vorrei annullare il mio ordine')).toContain('cancel');
    expect(concepts('vorrei il rimborso')).toContain('refund');
  });

  it('knows "charged wrongly" in German, Spanish, Portuguese and French', () => {
    for (const s of [
      'ich wurde falsch belastet',
      'es un cobro indebido',
      'fui cobrado indevidamente',
      'on m’a prélevé par erreur',
    ])
      expect(concepts(s)).toContain('wrong_charge');
  });
});

describe('priority from the new lexicon', () => {
  it('makes a laptop forgotten in a taxi an urgent security incident on an IT desk', async () => {
    const p = await createOfflinePredictor().predict(
      input(say("Bonjour, j'ai laissé mon ordinateur portable du travail dans le taxi ce matin"), {
        fields: IT_FIELDS,
      }),
    );
    expect(p.fields.category?.value).toBe('Security incident');
    expect(p.fields.priority?.value).toBe('Urgent');
  });

  it('makes "charged wrongly" in German High', async () => {
    const p = await createOfflinePredictor().predict(
      input(say('Auf meiner Rechnung steht eine Gebühr von 40 €, ich wurde falsch belastet')),
    );
    expect(p.fields.priority?.value).toBe('High');
  });
});

describe('unresponsive parts and software schedules', () => {
  it('reads "does not respond" in English and Portuguese as a fault', () => {
    expect(concepts('the touch screen is not responding in the top corner')).toContain('faulty');
    expect(concepts('o botão não responde desde ontem')).toContain('faulty');
  });

  it('reads routines or automations that stopped as a software fault, not a faulty item', () => {
    expect(concepts('since the update my automations have stopped doing anything')).toContain('software_fault');
    expect(concepts('the kettle stopped heating')).toContain('faulty');
  });
});

describe('Italian and Dutch surface forms', () => {
  it('reads the common problems in Italian', () => {
    expect(concepts('mi hanno addebitato due volte lo stesso ordine')).toContain('double_charge');
    expect(concepts('il pacco non è ancora arrivato')).toContain('not_arrived');
    expect(concepts('la lampada è arrivata rotta')).toContain('broken');
    expect(concepts('vorrei fare il reso delle scarpe')).toContain('return');
    expect(concepts('questo ha reso tutto più facile')).not.toContain('return');
    expect(concepts('non riesco ad accedere al mio account')).toContain('login');
  });

  it('reads the common problems in Dutch', () => {
    expect(concepts('er is twee keer afgeschreven voor één bestelling')).toContain('double_charge');
    expect(concepts('mijn pakket is nog niet aangekomen')).toContain('not_arrived');
    expect(concepts('de stofzuiger werkt niet meer')).toContain('faulty');
    expect(concepts('ik wil mijn bestelling annuleren')).toContain('cancel');
    expect(concepts('de jas is te klein, kan ik ruilen?')).toContain('doesnt_fit');
  });

  it('makes "cannot work" in Italian and Dutch High on an IT desk, and "can still work" Normal', async () => {
    const p = (text: string) => createOfflinePredictor().predict(input(say(text), { fields: IT_FIELDS }));
    expect((await p("Outlook si blocca all'avvio e non riesco a lavorare")).fields.priority?.value).toBe('High');
    expect((await p('Outlook crasht steeds en ik kan niet werken')).fields.priority?.value).toBe('High');
    expect((await p('Outlook crasht steeds maar ik kan nog werken via de browser')).fields.priority?.value).toBe(
      'Normal',
    );
  });
});

describe('amounts with decimals', () => {
  it('does not let "$12.99" end the span a pattern reads across', () => {
    expect(concepts('I was charged $12.99 for my subscription even though I cancelled it last month')).toContain(
      'wrong_charge',
    );
    expect(concepts('I was charged $12 for my subscription even though I cancelled it last month')).toContain(
      'wrong_charge',
    );
  });
});

describe('money taken without notice, and consumer-authority threats', () => {
  it('reads a renewal that took money without warning as a wrong charge', () => {
    expect(concepts('my subscription auto-renewed without any warning and took £89')).toContain('wrong_charge');
    expect(concepts('my subscription renewed as planned')).not.toContain('wrong_charge');
  });

  it('makes a threat to go to trading standards Urgent once the problem is known', async () => {
    const p = await createOfflinePredictor().predict(
      input(say('my sofa arrived ripped and nobody answers, I am reporting you to trading standards')),
    );
    expect(p.fields.priority?.value).toBe('Urgent');
  });
});

describe('more Italian and Dutch forms', () => {
  it('reads delivered-but-not-received, a wrong address, a forgotten password, a failed code and burning smells', () => {
    expect(concepts("Il pacco risulta consegnato ma non l'ho ricevuto")).toContain('not_received');
    expect(concepts('Het pakket staat als bezorgd maar ik heb niets ontvangen')).toContain('not_received');
    expect(concepts("il corriere l'ha lasciato all'indirizzo sbagliato")).toContain('wrong_place');
    expect(concepts('wachtwoord vergeten en de mail komt niet')).toContain('login');
    expect(concepts('Il codice sconto non è stato applicato')).toContain('coupon_failed');
    expect(concepts('De oplader ruikt naar brand')).toContain('unsafe');
  });
});

describe('wrong size, codes not applied and ß in the original languages', () => {
  it('reads wrong size/colour in es/de/fr/pt and "zu groß" with ß', () => {
    expect(concepts('Me llegó la talla equivocada')).toContain('wrong_item');
    expect(concepts('Ich habe die falsche Größe bekommen')).toContain('wrong_item');
    expect(concepts("J'ai reçu la mauvaise taille")).toContain('wrong_item');
    expect(concepts('Recebi o tamanho errado')).toContain('wrong_item');
    expect(concepts('Die Jacke ist zu groß')).toContain('doesnt_fit');
  });

  it('reads a discount code not applied in es/de/fr/pt, and "sehr heiß" as unsafe', () => {
    expect(concepts('El código de descuento no se aplicó')).toContain('coupon_failed');
    expect(concepts('Der Gutscheincode wurde nicht angewendet')).toContain('coupon_failed');
    expect(concepts("Le code promo n'a pas été appliqué")).toContain('coupon_failed');
    expect(concepts('O cupom de desconto não foi aplicado')).toContain('coupon_failed');
    expect(concepts('Das Ladegerät wird sehr heiß')).toContain('unsafe');
  });
});

describe('"instead of N … I got …"', () => {
  it('is a wrong item, with the count first; a delay in weeks is not', () => {
    expect(concepts('the box came today and instead of 6 tins of sage paint I got 6 in mustard')).toContain(
      'wrong_item',
    );
    expect(concepts('instead of 2 weeks we got it in a month')).not.toContain('wrong_item');
  });
});

describe('changing the day of a delivery', () => {
  it('is an order change, not a pre-purchase question about where the shop delivers', () => {
    expect(concepts('can you change my delivery to next Tuesday?')).toContain('order_change');
    expect(concepts('can you change my delivery to next Tuesday?')).not.toContain('pre_purchase');
    expect(concepts('could we switch the delivery day to Friday?')).toContain('order_change');
    expect(concepts('do you do delivery to Ireland?')).toContain('pre_purchase');
  });
});

describe('an app that will not let the customer into their account', () => {
  it('is a sign-in problem; into a settings page it is not', () => {
    expect(concepts("the app won't let me into my account since the update")).toContain('login');
    expect(concepts("the app won't let me into the settings page")).not.toContain('login');
  });
});
