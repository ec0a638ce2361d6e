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
