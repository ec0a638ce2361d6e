import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

const predictor = createOfflinePredictor();
async function priorityOf(lines: Line[], fields?: typeof IT_FIELDS) {
  return (await predictor.predict(input(lines, { fields }))).fields.priority?.value ?? null;
}
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('priority from everyday wording', () => {
  it('reads no data and no calls on a phone line as blocked, in Spanish too', async () => {
    expect(await priorityOf(say('hola, desde que me cambié de tarifa no tengo datos ni puedo llamar'))).toBe('High');
    expect(await priorityOf(say("since the plan change I can't make calls at all"))).toBe('High');
  });

  it('reads a pay button that does nothing as being unable to pay', async () => {
    expect(await priorityOf(say('when I click pay at checkout nothing happens, tried two browsers'))).toBe('High');
    expect(await priorityOf(say("wenn ich im warenkorb auf 'bezahlen' klicke passiert einfach gar nichts"))).toBe(
      'High',
    );
    // A page that does nothing elsewhere does not stop anyone paying.
    expect(await priorityOf(say('when I click the help link in the footer nothing happens'))).toBe('Normal');
  });

  it('reads "je ne peux rien faire" and a locked account in French as blocked', async () => {
    expect(
      await priorityOf(
        say('windows me dit que mon compte est verrouillé depuis la mise à jour. je ne peux rien faire'),
        IT_FIELDS,
      ),
    ).toBe('High');
    expect(findConcepts(fold('mon compte est verrouillé')).map((h) => h.id)).toContain('locked');
  });

  it('reads "no corre prisa" and "eilt nicht" as no rush', async () => {
    expect(await priorityOf(say('me podéis instalar Figma en el portátil? no corre prisa'), IT_FIELDS)).toBe('Low');
    expect(await priorityOf(say('könnt ihr mir Figma installieren? eilt nicht'), IT_FIELDS)).toBe('Low');
    expect(
      await priorityOf(say('me podéis instalar Figma en el portátil? lo necesito para el cliente'), IT_FIELDS),
    ).toBe('Normal');
  });

  it('does not read "none of us can go" to an event as an outage', async () => {
    const lines = say("the show got moved to a weekday and none of us can go now, i'd rather get my money back");
    expect(await priorityOf(lines)).toBe('Normal');
    expect(await priorityOf(say('none of us can log in to our accounts since 9, the password is rejected'))).toBe(
      'Urgent',
    );
  });

  it('reads a problem of the whole team or its shared mailbox as a degraded group, unless they can still work', async () => {
    expect(
      await priorityOf(say('im gemeinsamen Postfach kommt seit heute früh keine einzige Mail mehr an'), IT_FIELDS),
    ).toBe('High');
    expect(
      await priorityOf(
        say('the shared mailbox disappeared from Outlook', 'we can still open it in Outlook on the web, just slower'),
        IT_FIELDS,
      ),
    ).toBe('Normal');
    expect(await priorityOf(say('can I get access to the shared mailbox for invoices please?'), IT_FIELDS)).not.toBe(
      'High',
    );
  });

  it('keeps ten or more people High when they get by, and Urgent when they are blocked', async () => {
    const degraded: Line[] = [
      ['customer', 'Robin Hale', 'GlobalProtect keeps dropping every 5 minutes for us in the Leeds office'],
      ['agent', 'Sam (IT)', 'How many of you?'],
      ['customer', 'Robin Hale', 'all 12 of us. we reconnect and carry on but it is painful'],
    ];
    expect(await priorityOf(degraded, IT_FIELDS)).toBe('High');
  });

  it('counts presenting to the board today as a deadline today', async () => {
    const lines: Line[] = [
      ['customer', 'Robin Hale', "my laptop won't turn on at all"],
      ['customer', 'Robin Hale', "and i'm presenting to the board at 3pm today"],
    ];
    expect(await priorityOf(lines, IT_FIELDS)).toBe('Urgent');
  });
});

describe('blocked in more words', () => {
  it('reads a reset link going to an old address as a login problem, High', async () => {
    expect(await priorityOf(say('reset link goes to my old email which i no longer have'))).toBe('High');
    expect(findConcepts(fold('the newsletter goes to my old email')).map((h) => h.id)).not.toContain('login');
  });

  it('reads a site rejecting the card as being unable to pay', async () => {
    expect(await priorityOf(say('the website keeps saying my card is invalid but it works everywhere else'))).toBe(
      'High',
    );
  });

  it('reads less discount than promised as a coupon not applied', async () => {
    expect(await priorityOf(say('the coupon took off 10% but it should be 20%'))).toBe('High');
    expect(await priorityOf(say('the coupon took off 20% as promised, thanks! quick question about sizes'))).not.toBe(
      'High',
    );
  });
});

describe('nothing urgent, in other languages', () => {
  it('reads nada urgente / kein Stress / rien d’urgent as no rush', async () => {
    expect(await priorityOf(say('kein Stress, aber in der App ist ein Tippfehler'))).toBe('Low');
    expect(await priorityOf(say("rien d'urgent, juste une faute de frappe sur le site"))).toBe('Low');
    expect(await priorityOf(say('es urgente, la app no abre y no puedo pagar'))).not.toBe('Low');
  });
});
