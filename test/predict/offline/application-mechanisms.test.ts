import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { type Line, transcript } from './helpers.js';

const appOf = (lines: Line[]) => findApplication(transcript(lines))?.value ?? null;

describe('application', () => {
  it('takes a name-shaped subject of a software failure, even when it is not a known product', () => {
    expect(appOf([['customer', 'Omar H', 'Hi, Tableau Prep Builder crashes right after the splash screen']])).toBe(
      'Tableau Prep Builder',
    );
    expect(appOf([['customer', 'Omar H', 'my Lumio Desktop keeps freezing when I open a report']])).toBe(
      'Lumio Desktop',
    );
  });

  it('skips what the customer says they will raise separately', () => {
    expect(
      appOf([
        ['customer', 'Grace O', 'a new designer starts Monday and needs a laptop and a monitor'],
        ['customer', 'Grace O', "and Figma licences, but I'll raise those separately with the licence form"],
      ]),
    ).toBeNull();
  });
});

describe('application names the list does not know', () => {
  it('takes the subject of "won\'t connect" / "is down" as the application', () => {
    expect(appOf([['customer', 'Ada Kerr', 'Morning, Harbor Desk is down for the whole claims team since 8']])).toBe(
      'Harbor Desk',
    );
    expect(appOf([['customer', 'Ada Kerr', "the PulseLink client won't connect from home, it times out"]])).toBe(
      'PulseLink',
    );
  });

  it('takes a name with a capital inside as software when the sentence carries a problem', () => {
    expect(appOf([['customer', 'Ada Kerr', 'I get an error in LedgerPoint every time I export the report']])).toBe(
      'LedgerPoint',
    );
  });

  it('does not take a count after a known name for its version', () => {
    expect(appOf([['customer', 'Ada Kerr', 'Gmail 20 minutes ago started bouncing our invoices with an error']])).toBe(
      'Gmail',
    );
  });
});

describe('application names from the lexicon of business software', () => {
  it('knows widely used applications however they are typed', () => {
    expect(appOf([['customer', 'Ada Kerr', 'cant share any dashboards in looker since this morning, error 403']])).toBe(
      'Looker',
    );
    expect(
      appOf([['customer', 'Ada Kerr', 'docusign says my signing link has expired and it will not let me sign']]),
    ).toBe('DocuSign');
    expect(appOf([['customer', 'Ada Kerr', 'microsoft teams keeps crashing when I share my screen']])).toBe(
      'Microsoft Teams',
    );
  });

  it('takes the application reached, not the browser or sign-in prompt it is reached through', () => {
    expect(
      appOf([['customer', 'Ada Kerr', 'in firefox, Looker shows a blank page with an error since this morning']]),
    ).toBe('Looker');
    expect(appOf([['customer', 'Ada Kerr', 'over citrix, expensify will not load my receipts, error 500']])).toBe(
      'Expensify',
    );
  });

  it('does not take a plain word for an application unless it is written as a name', () => {
    expect(
      appOf([['customer', 'Ada Kerr', 'my notion of the problem: the printer on floor 2 jams every time']]),
    ).toBeNull();
  });
});

describe('an application named in one sentence, its problem in another', () => {
  it('takes a known application the customer named when the same message states a problem of an application', () => {
    expect(
      appOf([
        ['customer', 'Ada Kerr', 'Salesforce question for you. The report export comes out blank every time I run it'],
      ]),
    ).toBe('Salesforce');
  });

  it('does not take an application named beside a device or network problem', () => {
    expect(
      appOf([
        [
          'customer',
          'Ada Kerr',
          'I was on a Zoom call. Then the wifi on the 3rd floor dropped and it has not come back',
        ],
      ]),
    ).toBeNull();
  });
});
