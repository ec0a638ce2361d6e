import { describe, expect, it } from 'vitest';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { IT_FIELDS, input, type Line } from './helpers.js';

const predictor = createOfflinePredictor();
async function predicted(lines: Line[], fields?: typeof IT_FIELDS) {
  const p = (await predictor.predict(input(lines, { fields }))).fields;
  return { priority: p.priority?.value ?? null, category: p.category?.value ?? null };
}
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('priority: threats, failed submissions and sign-in prompts nobody asked for', () => {
  it('reads a solicitor, the British lawyer, as a legal threat', async () => {
    const complaint = 'you took £640 for a sofa that never came and nobody answers my emails';
    expect(
      (await predicted(say(complaint, 'if this is not sorted by friday my solicitor will be in touch'))).priority,
    ).toBe('Urgent');
    expect((await predicted(say(complaint))).priority).not.toBe('Urgent');
  });

  it('reads a form that will not submit as being unable to use the service', async () => {
    expect((await predicted(say('the warranty claim form keeps failing whenever I press the button'))).priority).toBe(
      'High',
    );
    expect((await predicted(say("i can't submit my membership application, the page just reloads"))).priority).toBe(
      'High',
    );
    // A question about a form blocks nothing.
    expect(
      (await predicted(say('does the claim form need the receipt or is the order number enough?'))).priority,
    ).not.toBe('High');
  });

  it('reads a Dutch "kan … niet openen" with the object in between as blocked', async () => {
    expect(
      (await predicted(say('sinds de update kan ik mijn tekeningen van gisteren niet openen'), IT_FIELDS)).priority,
    ).toBe('High');
  });

  it('reads sign-in prompts the user did not trigger, with words between, as a security incident', async () => {
    const lines = say(
      'got about 20 authenticator prompts on my phone overnight which I did not request',
      "I've been rejecting them all but they keep coming",
    );
    expect(await predicted(lines, IT_FIELDS)).toEqual({ category: 'Security incident', priority: 'Urgent' });
  });

  it('does not read a courier or fitter who never turned up as people unable to work', async () => {
    const lines = say('the wardrobe fitter was booked for 8 this morning, nobody has turned up and nobody rang');
    expect((await predicted(lines)).priority).not.toBe('Urgent');
    expect((await predicted(say('since 8 nobody in the office can connect to the wifi'), IT_FIELDS)).priority).toBe(
      'Urgent',
    );
  });

  it('reads a stand-in the requester can use for now as a way to keep working', async () => {
    const dead = "my laptop won't turn on since this morning";
    expect((await predicted(say(dead), IT_FIELDS)).priority).toBe('High');
    expect((await predicted(say(dead, 'i can use my tablet for now though'), IT_FIELDS)).priority).toBe('Normal');
  });

  it('does not let "not a big deal" about a side matter make the case Low', async () => {
    const lines: Line[] = [
      ['customer', 'Robin Hale', 'my sofa delivery was booked for today and never came, nobody called me'],
      ['agent', 'Sam (Homely)', 'So sorry, I have rebooked it for Friday.'],
      ['customer', 'Robin Hale', 'also, can the old sofa still be taken away?'],
      ['agent', 'Sam (Homely)', 'Yes, removal stays on the order.'],
      ['customer', 'Robin Hale', 'ok, not a big deal either way'],
    ];
    expect((await predicted(lines)).priority).toBe('Normal');
    expect((await predicted(say('could you change the colour on my order to grey? no rush'))).priority).toBe('Low');
  });

  it('reads guests expected tonight as a deadline today for a late order', async () => {
    const late = 'my grocery order was due between 2 and 3 and still nothing';
    const p = (await predictor.predict(input(say(late, 'we have 6 friends coming for a barbecue at 7 tonight'))))
      .fields;
    expect(p.priority?.value).toBe('Urgent');
    expect(p.dueDate?.value).toBe('2026-03-10');
    // Guests who came last night need nothing by a date.
    const past = (await predictor.predict(input(say(late, 'we had friends round last night and it was fine')))).fields;
    expect(past.dueDate?.value ?? null).toBeNull();
  });

  it('reads a disputed charge, or money paid for what was not given, as charged wrongly (High)', async () => {
    const disputed = say(
      'hi',
      'you charged me 120 quid for a scratch that was already on the bike when i collected it. i want it refunded',
    );
    expect(await predicted(disputed)).toEqual({ category: 'Billing', priority: 'High' });
    const notGiven = say(
      'we paid $45 extra for a sea-view room and then the staff moved us to a room facing the car park',
      'we would like the $45 back',
    );
    expect(await predicted(notGiven)).toEqual({ category: 'Billing', priority: 'High' });
    // Paid for and given: nothing was charged wrongly.
    expect(
      (await predicted(say('we paid $45 extra for a sea-view room and it was lovely, can I book it again for june?')))
        .priority,
    ).not.toBe('High');
  });
});
