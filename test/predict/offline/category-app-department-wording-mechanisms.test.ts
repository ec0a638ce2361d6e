import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { findStatedOption } from '../../../core/predict/offline/membership.js';
import { findPersonName } from '../../../core/predict/offline/names.js';
import { findAffectedCount } from '../../../core/predict/offline/numbers.js';
import { findCustomerPhone } from '../../../core/predict/offline/phone.js';
import { findReference } from '../../../core/predict/offline/references.js';
import { fold } from '../../../core/predict/offline/text.js';
import { field, IT_FIELDS, input, type Line, transcript } from './helpers.js';

const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);
const predictor = createOfflinePredictor();
const categoryOf = async (lines: Line[], fields = input([]).fields) =>
  (await predictor.predict(input(lines, { fields }))).fields.category?.value ?? null;
const appOf = (lines: Line[]) => findApplication(transcript(lines))?.value ?? null;
// With HR among the options, as the help desks' department lists have it.
const department = {
  ...field('department', IT_FIELDS),
  options: [...(field('department', IT_FIELDS).options ?? []), { value: 'HR' }],
};
const departmentOf = (lines: Line[]) => findStatedOption(department, transcript(lines), null)?.value ?? null;

describe('faults and changes said in words the lexicon lacked', () => {
  it('reads a snapped trunk, a sagging mattress and a colour cast as faults', () => {
    expect(concepts("nell'ordine uno dei tre ulivi è arrivato con il tronco spezzato")).toContain('broken');
    expect(concepts('el colchón ya se ha hundido en el centro, unos 4 cm')).toContain('faulty');
    expect(concepts('the mattress is sagging in the middle')).toContain('faulty');
    expect(concepts('ils ont tous une dominante magenta, rien à voir avec mes fichiers')).toContain('faulty');
    expect(concepts('the prints have a green colour cast')).toContain('faulty');
    expect(concepts('the dominant colour in the room is green')).not.toContain('faulty');
  });

  it('reads another colour received than the one ordered, the verb last as Dutch puts it', async () => {
    expect(concepts('ik heb fineliners besteld in sepia maar ik heb de zwarte set gekregen')).toContain('wrong_item');
    expect(concepts('ik heb de zwarte set besteld maar nog niets gekregen')).not.toContain('wrong_item');
    expect(
      await categoryOf([
        ['customer', 'Sanne Bos', 'Hoi, ik heb fineliners besteld in sepia maar ik heb de zwarte set gekregen'],
      ]),
    ).toBe('Returns & refunds');
  });

  it('reads a membership cancelled as a subscription, and more of an item added as an order change', () => {
    expect(concepts('i want to cancel my membership, im moving away')).toContain('subscription');
    expect(concepts("can you move it to tuesday? and add another 5 bags of compost while you're at it")).toContain(
      'order_change',
    );
    expect(concepts('I added another photo to the album')).not.toContain('order_change');
  });
});

describe('IT readings: badges, file sync', () => {
  it('reads a badge that does not open a door as a permission, not a security incident', async () => {
    expect(concepts('my new badge doesnt open the warehouse door or the goods-in gate')).toContain('access_request');
    expect(
      await categoryOf(
        [
          ['customer', 'Ana Petrovic', 'hi IT, my new badge doesnt open the warehouse door. light goes red'],
          ['customer', 'Ana Petrovic', 'got it on friday after i lost my old one'],
        ],
        IT_FIELDS,
      ),
    ).toBe('Access & permissions');
  });

  it('reads files that will not sync as the sync app failing, not mail and calendar sync', () => {
    expect(concepts('my onedrive has stopped syncing, red x on the whole Grants folder')).toContain('software_fault');
    expect(concepts('my outlook calendar stopped syncing')).toContain('sync');
    expect(concepts('my outlook calendar stopped syncing')).not.toContain('software_fault');
  });
});

describe('applications named in passing, described, or spelled by IT', () => {
  it('reads rdp as Remote Desktop and a name in brackets after a kind of software', () => {
    expect(
      appOf([['customer', 'Liam Oakes', 'rdp not working from home. says remote computer could not be found']]),
    ).toBe('Remote Desktop');
    expect(
      appOf([
        ['customer', 'Dan Moss', 'they need a licence each for the tax software (taxpilot), it says no seats left'],
      ]),
    ).toBe('taxpilot');
  });

  it('reads a numbered name showing an error, and IT spelling it properly later', () => {
    const lines: Line[] = [['customer', 'Kerry Wilson', "ledger1 says 'no licences available' when I try to open it"]];
    expect(appOf(lines)).toBe('ledger1');
    expect(
      appOf([
        ...lines,
        ['agent', 'Sarah Quinn (IT)', 'Are you opening LedgerOne from the desktop shortcut or the web portal?'],
      ]),
    ).toBe('LedgerOne');
  });

  it('reads software described by its use, and the name IT then gives it unless the requester says no', () => {
    const lines: Line[] = [
      ['customer', 'Grace Okoye', 'hi, the timesheet thing keeps throwing an error when I hit submit'],
    ];
    expect(appOf(lines)).toBe('Timesheet app');
    const asked: Line = [
      'agent',
      'Ollie Grant (IT)',
      'Hi Grace! Is that Clockwise in the browser, or the app on your phone?',
    ];
    expect(appOf([...lines, asked, ['customer', 'Grace Okoye', 'browser, edge']])).toBe('Clockwise');
    expect(appOf([...lines, asked, ['customer', 'Grace Okoye', 'no, it is the old one']])).toBe('Timesheet app');
    expect(appOf([['customer', 'Grace Okoye', 'the new thing keeps throwing an error']])).toBeNull();
  });
});

describe('departments: roles, "we ARE finance", and where something came from', () => {
  it('reads a supervisor role and "we are <unit>" as membership', () => {
    expect(departmentOf([['customer', 'Steve Dawson', "I'm the operations supervisor on this shift"]])).toBe(
      'Operations',
    );
    expect(departmentOf([['customer', 'Kerry Wilson', 'lol we ARE finance']])).toBe('Finance');
  });

  it("reads a badge got from HR as where it came from, and a colleague's other team as theirs", () => {
    expect(
      departmentOf([
        ['customer', 'Ana Petrovic', 'hi IT, my new badge doesnt open the warehouse door or the goods-in gate'],
        ['customer', 'Ana Petrovic', 'got it on friday from HR after i lost my old one'],
      ]),
    ).toBeNull();
    expect(
      departmentOf([
        ['customer', 'Tobias Hale', "we're 8 people in sales here and we can't reach the CRM"],
        ['customer', 'Nuno Prates', 'not just sales btw, the 3 of us in finance here are out too'],
      ]),
    ).toBe('Sales');
  });
});

describe('remote access from home, redirects, cancellation references, names given late', () => {
  const fieldsOf = async (lines: Line[], fields = input([]).fields) =>
    (await predictor.predict(input(lines, { fields }))).fields;

  it('reads remote desktop not working from home as the requester unable to work', async () => {
    const got = await fieldsOf(
      [['customer', 'Liam Oakes', 'rdp not working from home. says remote computer could not be found']],
      IT_FIELDS,
    );
    expect(got.priority?.value).toBe('High');
  });

  it('reads "can they deliver to my office instead?" as no pre-purchase question', () => {
    expect(concepts('can they deliver to my office instead?')).not.toContain('pre_purchase');
    expect(concepts('can you deliver to canada?')).toContain('pre_purchase');
  });

  it("does not take a cancellation's reference, a few words on, for the order number", () => {
    const order = field('orderNumber');
    const orderOf = (lines: Line[]) => findReference(order, [order], transcript(lines))?.value ?? null;
    expect(
      orderOf([
        ['customer', 'Chloe Martin', 'I cancelled my coffee subscription in march but you still charged me'],
        [
          'agent',
          'Sunny (Bean Post)',
          'I see the plan, cancellation confirmed 18 March (ref CX-4410), but it still ran.',
        ],
      ]),
    ).toBeNull();
  });

  it('reads a name given when the agent asks to take one, and a name alone after a thank-you', () => {
    const nameOf = (lines: Line[]) => findPersonName(transcript(lines), undefined)?.value ?? null;
    expect(
      nameOf([
        ['customer', 'Guest 1186', 'can you move it to next tuesday?'],
        ['agent', 'Fern (Greenacre)', 'Sure. Can I take a name for the driver?'],
        ['customer', 'Guest 1186', 'Daniel Asante'],
      ]),
    ).toBe('Daniel Asante');
    expect(
      nameOf([
        ['customer', 'Visitor 4127', 'got it, logged in and reordered. thanks!'],
        ['customer', 'Visitor 4127', 'Pat'],
      ]),
    ).toBe('Pat');
    expect(
      nameOf([
        ['customer', 'Visitor 4127', 'is it the blue one?'],
        ['customer', 'Visitor 4127', 'Great'],
      ]),
    ).toBeNull();
  });
});

describe('country from an email domain, new hires counted, a badge read out, a plan to end', () => {
  it("reads a national number in the country of the customer's email domain", () => {
    const phoneOf = (lines: Line[]) => findCustomerPhone(transcript(lines), 'US', undefined)?.value ?? null;
    expect(
      phoneOf([
        ['customer', 'Rachel Kim', "it's going to rachel.kim@example.fr right?"],
        ['customer', 'Rachel Kim', 'my number is 06 39 98 73 02'],
      ]),
    ).toBe('+33639987302');
  });

  it('counts new starters whatever their role', () => {
    const countOf = (text: string) => findAffectedCount(transcript([['customer', 'Dan Moss', text]]))?.value ?? null;
    expect(countOf("we've got two new junior accountants starting Monday 20th, Hannah Li and Joe Burke")).toBe(2);
    expect(countOf('3 new hires need laptops')).toBe(3);
    expect(countOf('we ordered two new laptops for the team')).toBeNull();
  });

  it('reads the badge number the agent asked for, not the old badge they deactivated', () => {
    const asset = field('assetTag', IT_FIELDS);
    const tagOf = (lines: Line[]) => findReference(asset, IT_FIELDS, transcript(lines))?.value ?? null;
    expect(
      tagOf([
        ['customer', 'Ana Petrovic', 'my new badge doesnt open the warehouse door'],
        ['agent', 'Kwame Mensah (IT)', 'Can you read me the number on the back of the badge? Starts with BD-'],
        ['customer', 'Ana Petrovic', 'BD-20731'],
        ['agent', 'Kwame Mensah (IT)', "I've also deactivated your old badge BD-18802, just in case."],
      ]),
    ).toBe('BD-20731');
    expect(
      tagOf([
        ['customer', 'Tessa Berg', 'LT-06671'],
        ['customer', 'Tessa Berg', 'sorry, the tag I gave the bot is my old laptop, this one is LT-06917'],
      ]),
    ).toBe('LT-06917');
  });

  it('reads wanting a membership ended as a request, not only a question about paying', async () => {
    const got = (
      await predictor.predict(
        input([
          ['customer', 'Abbie Turner', 'i want to cancel my membership, im moving to leeds at the end of the month'],
          ['customer', 'Abbie Turner', 'do i have to pay the last month?'],
        ]),
      )
    ).fields;
    expect(got.category?.value).toBe('Billing');
    expect(got.priority?.value).toBe('Normal');
  });
});
