import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { findStatedOption } from '../../../core/predict/offline/membership.js';
import { findReference } from '../../../core/predict/offline/references.js';
import { field, IT_FIELDS, input, type Line, transcript } from './helpers.js';

const appOf = (lines: Line[]) => findApplication(transcript(lines))?.value ?? null;
const department = field('department', IT_FIELDS);
const departmentOf = (lines: Line[]) => findStatedOption(department, transcript(lines), null)?.value ?? null;
const order = field('orderNumber');
const orderOf = (lines: Line[]) => findReference(order, [order], transcript(lines))?.value ?? null;
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('application: the account at stake, other languages, network names', () => {
  it('takes the account whose password was typed into a lure, not the lure brand', () => {
    expect(appOf(say('I clicked a Dropbox share link and typed my Microsoft password on the page'))).toBe(
      'Microsoft 365',
    );
    expect(appOf(say('opened a fake FedEx email and entered my Google password'))).toBe('Google Workspace');
  });

  it('takes the subject of a crash said in German, Spanish or French', () => {
    expect(appOf(say('Seit heute früh stürzt Power BI bei mir ständig ab'))).toBe('Power BI');
    expect(appOf(say('Desde ayer el Navision se cierra al abrir facturas'))).toBe('Navision');
    expect(appOf(say('Depuis la mise à jour, Teams ne démarre plus'))).toBe('Microsoft Teams');
  });

  it('takes an upper-case network name someone cannot connect to', () => {
    expect(appOf(say('wifi is dead on floor 3, nobody can connect to STAFF-NET'))).toBe('STAFF-NET');
    expect(appOf(say('my laptop LT-04821 has no wifi'))).not.toBe('LT-04821');
  });
});

describe('department: where someone sits, and bookkeeping in other languages', () => {
  it('reads "the sales pod" / "finance bay" as the department', () => {
    expect(departmentOf(say('the dock on my desk in the 2nd floor sales pod keeps dropping the monitor'))).toBe(
      'Sales',
    );
  });

  it('reads accounting in German and Spanish as Finance', () => {
    expect(departmentOf(say('Ich arbeite in der Buchhaltung und kann nichts buchen'))).toBe('Finance');
    expect(departmentOf(say('soy de contabilidad, estoy en contabilidad desde enero'))).toBe('Finance');
    expect(departmentOf(say('tengo hojas de contabilidad abiertas'))).toBeNull();
  });
});

describe('error codes are not order numbers', () => {
  it('drops a code shown in an error, also where it is repeated later', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'payment failed with "Payment could not be processed (code QX-512)"'],
        ['agent', 'Sam (Shop)', 'QX-512 is on our side, sorry'],
      ]),
    ).toBeNull();
    expect(orderOf(say('my booking code is QX-51244, the app shows error 500'))).toBe('QX-51244');
  });
});

describe('references read out and head counts', () => {
  const asset = field('assetTag', IT_FIELDS);
  it('takes a tag read off a sticker a few words later', () => {
    expect(
      findReference(asset, IT_FIELDS, transcript(say('the tag on the side of the printer says PRN-0412')))?.value,
    ).toBe('PRN-0412');
  });

  it('takes a booking code sent on its own after the agent asks for the booking reference', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'my name is misspelt on the booking'],
        ['agent', 'Sam (Air)', 'Could you send me the 6-character booking reference?'],
        ['customer', 'Robin Hale', 'P3XK7Q'],
      ]),
    ).toBe('P3XK7Q');
  });
});

describe('department signed with the name, and dated references', () => {
  it('reads "Sofia, Sales" and "(Tobias, Marketing btw)" from the requester as the department', () => {
    expect(
      findStatedOption(
        department,
        transcript([
          ['customer', 'Sofia Almeida', 'the VPN works now, thank you'],
          ['customer', 'Sofia Almeida', 'you saved my pitch. Sofia, Sales'],
        ]),
        null,
      )?.value,
    ).toBe('Sales');
    expect(
      findStatedOption(
        department,
        transcript([['customer', 'Tobias Wren', 'all good! (Tobias, Engineering btw)']]),
        null,
      )?.value,
    ).toBe('Engineering');
    expect(
      findStatedOption(department, transcript([['customer', 'Tobias Wren', 'thanks, Sales said the same']]), null)
        ?.value ?? null,
    ).toBeNull();
  });

  it('takes a reference with year and month groups', () => {
    expect(orderOf(say('bill ref K-2026-06-88410, the discount is missing'))).toBe('K-2026-06-88410');
  });
});

describe('application forms: mailboxes, licences, add-in parts, topics, content of a lost device', () => {
  it('names a shared mailbox by its address, unless a named app comes first', () => {
    expect(appOf(say("the support@ inbox hasn't received anything since Monday"))).toBe('support@ shared mailbox');
    expect(appOf(say('she needs Salesforce access and the shared sales@ inbox, it is not working'))).toBe('Salesforce');
  });

  it('takes the app of a requested licence over "the usual M365 stuff"', () => {
    expect(
      appOf(
        say('new starter Monday: he needs the usual M365 stuff and an Affinity Designer licence, access is missing'),
      ),
    ).toBe('Affinity Designer');
  });

  it('takes the add-in whose ribbon vanished, not its host', () => {
    expect(appOf(say('since the update the Planful ribbon has vanished from Excel'))).toBe('Planful');
  });

  it('takes a known app named as the topic before the problem is said', () => {
    expect(appOf(say('hey, got a sec?', "it's teams again"))).toBeNull();
    expect(appOf(say('hey, got a sec?', "it's outlook again 🙃"))).toBe('Outlook');
  });

  it('does not take an app that is only content of a lost phone', () => {
    expect(appOf(say('I left my work phone in a taxi', 'It has my email and the Authenticator app on it'))).toBeNull();
  });

  it('keeps the faulty laptop’s tag over the loaner handed out meanwhile', () => {
    const asset = field('assetTag', IT_FIELDS);
    const lines: Line[] = [
      ['customer', 'Robin Hale', "my laptop keeps shutting off, it's LT-05541"],
      ['agent', 'Femi (IT)', 'Loaner LT-09003 is yours until yours is back from repair.'],
    ];
    expect(findReference(asset, IT_FIELDS, transcript(lines))?.value).toBe('LT-05541');
  });
});

describe('order references in clauses', () => {
  it('sets aside only the order in the clause that calls it fine', () => {
    expect(orderOf(say('charged twice for order #55120 and #55121 is fine'))).toBe('#55120');
  });

  it('reads "my reference is AB12CD" as the order reference', () => {
    expect(orderOf(say('the charger is faulty, my reference is AB12CD'))).toBe('AB12CD');
    expect(orderOf(say('for reference, the box was open'))).toBeNull();
  });
});

describe('software refusing to work', () => {
  it('reads "won\'t let me", "can\'t open X" and "won\'t refresh" as software faults on an IT desk', async () => {
    const p = (text: string) => createOfflinePredictor().predict(input(say(text), { fields: IT_FIELDS }));
    expect((await p("SAP won't let me post invoices since this morning")).fields.category?.value).toBe('Software');
    expect((await p("I can't open Teams, it just spins")).fields.application?.value).toBe('Microsoft Teams');
    expect((await p("the dashboards won't refresh since the weekend")).fields.category?.value).toBe('Software');
  });

  it('keeps a team name in front of a product out of the application', () => {
    expect(appOf(say('I need access to the Marketing SharePoint site, access denied'))).toBe('SharePoint');
  });
});

describe('order number corrections', () => {
  it('takes the customer’s correction over a number repeated before it', () => {
    expect(
      orderOf([
        ['customer', 'Robin Hale', 'my order ORD-12345 arrived damaged'],
        ['agent', 'Sam (Shop)', 'Sorry! Let me check ORD-12345.'],
        ['customer', 'Robin Hale', 'sorry, wrong number, it is ORD-12346'],
      ]),
    ).toBe('ORD-12346');
  });
});
