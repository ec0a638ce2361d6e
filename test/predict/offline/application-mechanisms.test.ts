import { describe, expect, it } from 'vitest';
import { findApplication } from '../../../core/predict/offline/applications.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { IT_FIELDS, input, type Line, transcript } from './helpers.js';

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

describe('application problems said in the other languages', () => {
  it('reads a German crash whose particle comes many words later', () => {
    expect(
      appOf([
        [
          'customer',
          'Jonas Weber',
          'Hallo, Kartograph Pro stürzt nach dem Patch von gestern bei jedem größeren Export ab',
        ],
      ]),
    ).toBe('Kartograph Pro');
  });

  it('takes a name failing after a time phrase in the Romance languages and Dutch, not a device brand or a radio', () => {
    expect(appOf([['customer', 'Giulia Rossi', 'Buongiorno, da ieri sera Archivio Pratiche non si apre più']])).toBe(
      'Archivio Pratiche',
    );
    expect(appOf([['customer', 'Léa Martin', 'depuis lundi Horalys ne se lance plus sur mon poste']])).toBe('Horalys');
    expect(appOf([['customer', 'Eva de Boer', 'sinds de update werkt Planbord niet meer']])).toBe('Planbord');
    expect(appOf([['customer', 'Léa Martin', 'depuis hier ma souris Logitech ne marche plus']])).toBeNull();
    expect(appOf([['customer', 'Eva de Boer', 'sinds vanochtend werkt de WiFi niet meer in de kantine']])).toBeNull();
  });

  it('takes a known application whose account is locked or whose contents are gone', () => {
    expect(appOf([['customer', 'Jonas Weber', 'mein Jira-Konto ist seit heute früh gesperrt']])).toBe('Jira');
    expect(appOf([['customer', 'Eva de Boer', 'ik zie de gedeelde agenda van het team niet meer in Outlook']])).toBe(
      'Outlook',
    );
  });

  it('takes the name in an install request whose verb comes last or in another language', () => {
    expect(appOf([['customer', 'Eva de Boer', 'Kunnen jullie Inkscape Suite op mijn laptop zetten? Geen haast']])).toBe(
      'Inkscape Suite',
    );
    expect(
      appOf([['customer', 'Jonas Weber', 'kannst du mir bitte Krita installieren? brauche es für ein Projekt']]),
    ).toBe('Krita');
    expect(appOf([['customer', 'Léa Martin', "pourriez-vous m'installer Blender sur mon portable ?"]])).toBe('Blender');
    // A German noun with its article is no name.
    expect(appOf([['customer', 'Jonas Weber', 'kannst du mir bitte den Druckertreiber installieren?']])).toBeNull();
  });
});

describe('which application, when several are named', () => {
  it('takes the mail client a shared mailbox disappeared from, and the mailbox when no client is named', () => {
    expect(appOf([['customer', 'Ana Ruiz', 'the billing@ shared mailbox vanished from my Outlook after lunch']])).toBe(
      'Outlook',
    );
    expect(appOf([['customer', 'Ana Ruiz', "the billing@ inbox hasn't received a single mail since Monday"]])).toBe(
      'billing@ shared mailbox',
    );
  });

  it('follows the requester swapping the application for another', () => {
    const asked: Line = ['customer', 'Ana Ruiz', 'could you install Photoshop on my laptop? no rush'];
    expect(
      appOf([asked, ['customer', 'Ana Ruiz', 'actually, please put Krita on it instead of Photoshop, it is free']]),
    ).toBe('Krita');
    expect(
      appOf([
        ['customer', 'Tim Bakker', 'kunnen jullie Photoshop installeren?'],
        ['customer', 'Tim Bakker', 'we hebben al licenties voor PaintLab. doe die maar in plaats van Photoshop'],
      ]),
    ).toBe('PaintLab');
    expect(appOf([asked, ['customer', 'Ana Ruiz', 'it is for editing photos instead of doing it on my phone']])).toBe(
      'Photoshop',
    );
  });

  it('does not take the brand a phishing email imitated, unless a password was given to it', () => {
    expect(
      appOf([['customer', 'Ana Ruiz', "I got an email from 'Adobe Sign' and opened the attachment before I realised"]]),
    ).toBeNull();
    expect(
      appOf([
        ['customer', 'Ana Ruiz', 'I got an email from "Dropbox" about a shared file, clicked and typed my password'],
      ]),
    ).toBe('Dropbox');
  });
});

describe('a known application that fails at something that sounds like hardware', () => {
  it('takes a known application as the subject of a negated verb, in each language', () => {
    for (const text of [
      "Slack won't show my screen to the others, they get a grey box",
      'Teams no comparte la pantalla en la reunión',
      'Teams teilt meinen Bildschirm seit gestern nicht',
      'Teams deelt mijn scherm niet meer',
      'o Teams não mostra o meu ecrã aos outros',
      'Teams non condivide lo schermo',
    ])
      expect(appOf([['customer', 'Ines Duarte', text]]), text).toBe(
        text.startsWith('Slack') ? 'Slack' : 'Microsoft Teams',
      );
  });

  it('does not take a known application that is only beside the problem', () => {
    expect(appOf([['customer', 'Ines Duarte', "my keyboard won't type at all. Teams doesn't matter"]])).toBeNull();
  });
});

describe('sign-in pushes the user did not start', () => {
  it('takes the application the unrequested pushes come from', () => {
    for (const text of [
      'getting loads of Duo push requests that I never started',
      'me llegan avisos push de Duo que yo no he solicitado',
      'ich bekomme ständig Duo Push-Anfragen, die ich nicht ausgelöst habe',
    ])
      expect(appOf([['customer', 'Ines Duarte', text]]), text).toBe('Duo');
  });
});

describe('application named after the problem, or behind its sign-in route', () => {
  it('takes a short answer naming a known application once a problem is stated', () => {
    expect(
      appOf([
        ['customer', 'Yara H', 'my VPN drops every 10 minutes and all my SSH sessions die'],
        ['customer', 'Yara H', "it's FortiClient"],
      ]),
    ).toBe('FortiClient VPN');
    expect(
      appOf([
        ['customer', 'Lena M', 'die Besprechungen synchronisieren nicht mehr, es kommt immer ein Fehler'],
        ['customer', 'Lena M', 'das ist Outlook'],
      ]),
    ).toBe('Outlook');
  });

  it('does not take a short mention before any problem is stated', () => {
    expect(appOf([['customer', 'Yara H', "hi, it's about Outlook"]])).toBeNull();
  });

  it('takes the application whose sign-in fails, not the sign-in service it loops through', () => {
    expect(
      appOf([['customer', 'Aleks N', 'Trackline login is broken for me, SSO just loops back to the Okta page']]),
    ).toBe('Trackline');
    expect(
      appOf([['customer', 'Aleks N', 'Okta keeps looping when I try to sign in to Ledgerly, error after 3 tries']]),
    ).toBe('Ledgerly');
    expect(appOf([['customer', 'Aleks N', 'Okta itself is down, nobody can sign in anywhere']])).toBe('Okta');
  });
});

describe('a meeting room system stuck connecting', () => {
  it('names Zoom Rooms, not Zoom, when the room system is meant', () => {
    expect(
      appOf([
        [
          'customer',
          'Victoria L',
          "the Zoom Room in the boardroom is stuck on 'Connecting to Zoom Rooms service...' on the touch panel",
        ],
      ]),
    ).toBe('Zoom Rooms');
    expect(appOf([['customer', 'Victoria L', 'Zoom keeps crashing when I share my screen']])).toBe('Zoom');
  });
});

describe('a shared drive named as written', () => {
  it('keeps the capitals and the kind of share: "Finance-Close shared drive"', () => {
    expect(
      appOf([
        [
          'customer',
          'Ben M',
          "since Friday I can't open the Finance-Close shared drive anymore, it says 'You need permission'",
        ],
      ]),
    ).toBe('Finance-Close shared drive');
  });
});

describe('an application that is gone or refuses, in plain English', () => {
  it('names the application whose vault disappeared, or that says an error in quotes', () => {
    expect(
      appOf([['customer', 'Omar H', 'the team Bitwarden collection disappeared from my account this morning']]),
    ).toBe('Bitwarden');
    expect(
      appOf([['customer', 'Omar H', "Company Portal says 'Too many devices' every time I set up my new phone"]]),
    ).toBe('Company Portal');
    expect(appOf([['customer', 'Omar H', 'I use Slack and Zoom every day, love them']])).toBeNull();
  });
});

describe("a bot's application against the kind of thing the customer named", () => {
  it('keeps the bot’s "Cisco AnyConnect" over "VPN", but not over another application named', async () => {
    const escalation = {
      bot: 'ITBot',
      summary: 'Employee abroad cannot connect to the VPN from the hotel.',
      values: { application: 'Cisco AnyConnect' },
    };
    const predict = async (text: string) =>
      (await createOfflinePredictor().predict(input([['customer', 'Mei T', text]], { fields: IT_FIELDS, escalation })))
        .fields.application?.value ?? null;
    expect(await predict('VPN wont connect from my hotel')).toBe('Cisco AnyConnect');
    expect(await predict('Outlook keeps crashing when I open the shared calendar')).toBe('Outlook');
  });
});

describe('application names as people type them', () => {
  it('reads a lower-case "tableau creator licence" as Tableau, and Acrobat as Adobe\'s', () => {
    expect(
      appOf([
        [
          'customer',
          'Mara Q',
          "my tableau creator licence seems to have expired, desktop says 'Your license has expired'",
        ],
      ]),
    ).toBe('Tableau');
    expect(
      appOf([
        [
          'customer',
          'Nia C',
          'Hi! Acrobat on my laptop suddenly says my Pro trial has expired and I can only view PDFs',
        ],
      ]),
    ).toBe('Adobe Acrobat');
  });

  it('reads "anyone else getting kicked off AnyConnect?" as a problem with it', () => {
    expect(
      appOf([['customer', 'Ravi C', '@helpdesk anyone else getting kicked off AnyConnect every 20 min or so?']]),
    ).toBe('Cisco AnyConnect VPN');
  });
});

describe('a control that is greyed out', () => {
  it('reads a greyed-out button in a named application as a problem with it', () => {
    expect(
      appOf([['customer', 'Ali Moreno', 'in ServiceNow the "Approve" button is greyed out on my purchase requests']]),
    ).toBe('ServiceNow');
  });
});

describe('applications named by shorthand or agreed to', () => {
  it('records the trade shorthand under the name an agent writes', () => {
    expect(appOf([['customer', 'Aaron W', 'morning, sfdc has locked me out after too many password attempts']])).toBe(
      'Salesforce',
    );
    expect(appOf([['customer', 'Aaron W', 'o365 keeps asking me to sign in again']])).toBe('Microsoft 365');
  });

  it('takes the application the agent asks about when the answer is a bare yes', () => {
    const asked = (answer: string): Line[] => [
      ['customer', 'Ruth A', 'hiya, the expenses thing keeps throwing an error when I upload receipts'],
      ['agent', 'Priya (IT)', 'Hi Ruth, do you mean SAP Concur?'],
      ['customer', 'Ruth A', answer],
    ];
    expect(appOf(asked('yes that one lol'))).toBe('SAP');
    // A no leaves the requester's own description.
    expect(appOf(asked('no, the new one from finance'))).toBe('Expenses app');
  });
});

describe('an application corrected with "actually …, not …"', () => {
  it('takes the one named in the correction', () => {
    expect(
      appOf([
        ['customer', 'Ola N', 'cant see the halcyon pitch space in confluence, says i dont have permission'],
        ['agent', 'Ravi (IT)', "Who's the owner - do you know?"],
        [
          'customer',
          'Ola N',
          "oh wait, sorry, it's actually the jira board i can't get into, not confluence. the confluence page just links to it",
        ],
      ]),
    ).toBe('Jira');
  });
});

describe('applications listed in brackets', () => {
  it('takes the application the problem is about, not the ones it reaches listed in brackets', () => {
    expect(
      appOf([
        [
          'customer',
          'Priya N',
          'since I reset my phone Google Authenticator is empty, so I cannot sign in to anything (Outlook, Slack, the HR portal)',
        ],
      ]),
    ).toBe('Google Authenticator');
  });
});
