import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

const predictor = createOfflinePredictor();
async function predicted(lines: Line[], fields?: typeof IT_FIELDS) {
  const p = (await predictor.predict(input(lines, { fields }))).fields;
  return { priority: p.priority?.value ?? null, category: p.category?.value ?? null };
}
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Noor Haddad', text]);

describe('what a sentence says around its problem words', () => {
  it('reads a parcel that came with part of the order missing as missing parts', async () => {
    expect((await predicted(say('the hamper turned up but 3 of the 6 jars are missing'))).category).toBe(
      'Product defect',
    );
    expect((await predicted(say('the grinder and the filters were not in the box, only the kettle'))).category).toBe(
      'Product defect',
    );
  });

  it('reads a machine that makes a noise, stops part-way or jams as faulty', async () => {
    // A subscription named as how it was bought is no billing matter once the thing itself is faulty.
    expect(
      (await predicted(say('comprei a torradeira com a minha assinatura e agora faz um barulho horrível'))).category,
    ).toBe('Product defect');
    expect((await predicted(say('the shredder keeps jamming on every sheet'), IT_FIELDS)).category).toBe('Hardware');
  });

  it('reads flowers that came wilted as spoiled goods', async () => {
    expect((await predicted(say('the bouquet came today and the roses are all wilted'))).category).toBe(
      'Product defect',
    );
  });

  it('reads "received one thing but I had ordered another" as the wrong item, not a French "ma commande"', async () => {
    expect((await predicted(say('ho ricevuto la borsa nera ma io avevo ordinato quella marrone'))).category).toBe(
      'Returns & refunds',
    );
    expect((await predicted(say("j'ai reçu ma commande ce matin et le vase est fêlé sur tout le côté"))).category).toBe(
      'Product defect',
    );
  });

  it('reads brakes that fail and harm the customer sees coming as a safety hazard', async () => {
    expect(
      (await predicted(say('the back brake on the hire bike hardly works, I could not stop at the lights'))).priority,
    ).toBe('Urgent');
    expect(
      (await predicted(say('I left the scooter by the station, someone is going to get hurt on it'))).priority,
    ).toBe('Urgent');
  });

  it('does not read a strap that snapped while the customer sat at a desk as a hazard', async () => {
    const strap = 'the watch strap snapped at the buckle while I was sitting at my desk';
    expect((await predicted(say(strap))).priority).not.toBe('Urgent');
    expect((await predicted(say('the stool snapped while I was sitting on it'))).priority).toBe('Urgent');
  });

  it('does not read a login asked for a new starter as a sign-in that fails', async () => {
    const request = 'our new analyst starts on Monday, she needs a Salesforce login and access to the finance share';
    expect((await predicted(say(request), IT_FIELDS)).priority).not.toBe('High');
    expect((await predicted(say("I can't log in to Salesforce since this morning"), IT_FIELDS)).priority).toBe('High');
  });

  it('does not read "no one knocked" as everyone affected', async () => {
    const lines = say(
      'the sofa delivery was booked for this morning and nobody came',
      'I was in all morning, no one knocked, no call',
    );
    expect((await predicted(lines)).priority).not.toBe('Urgent');
  });

  it('reads a parcel lying in a depot, with a date between, as stuck, and nothing happening to it as no defect', async () => {
    const lines = say(
      'mein Paket liegt seit dem 02.04. im Paketzentrum Hamburg und es passiert einfach nichts',
      'Bestellung 77120',
    );
    expect((await predicted(lines)).category).toBe('Shipping & delivery');
  });

  it('does not read an email that never came as a parcel that never came', async () => {
    const lines = say(
      'I paid for the webinar and never got the email with the joining link',
      'and the site says I have no registrations',
    );
    expect((await predicted(lines)).category).not.toBe('Shipping & delivery');
  });

  it('reads an order asked to be changed after "I ordered …" as an order change', async () => {
    const lines = say('hey I ordered the wool beanie in S last night but my head is an M, can you change it?');
    expect((await predicted(lines)).category).toBe('Order change');
  });

  it('does not read money leaving a bank account as an account problem', async () => {
    const lines = say('the event app shows no tickets for me', 'but £60 left my bank account on Friday');
    expect((await predicted(lines)).category).not.toBe('Account access');
  });

  it('does not read a loading dock or an expired certificate as a docking station or damaged goods', async () => {
    const lines = say('the barcode guns on dock 3 say certificate for WH-NET expired, none of them get on the wifi');
    expect((await predicted(lines, IT_FIELDS)).category).toBe('Network & VPN');
  });

  it('reads a question asked before signing up as a question, whatever use it describes', async () => {
    const lines = say('before I subscribe: will the app keep playing lessons when the phone is offline?');
    expect((await predicted(lines)).category).toBe('General inquiry');
  });

  it('reads "I can\'t do anything today without it" as blocked, not as a deadline today', async () => {
    const lines = say('the shared drive says access denied since this morning', "I can't do anything today without it");
    expect((await predicted(lines, IT_FIELDS)).priority).toBe('High');
  });

  it('reads a fee paid, then why it should not have been, as a disputed charge', async () => {
    expect(await predicted(say('I paid a £15 late fee but I brought the van back at 9 like we agreed'))).toEqual({
      category: 'Billing',
      priority: 'High',
    });
    expect((await predicted(say('ik heb €4,50 verzendkosten betaald maar ik heb het zelf opgehaald'))).category).toBe(
      'Billing',
    );
    // A fee named before a question is no dispute.
    const question = fold('I paid the booking fee but when do the tickets arrive?');
    expect(findConcepts(question).map((h) => h.id)).not.toContain('wrong_charge');
  });
});
