import { escapeRegExp } from './text.js';

/**
 * Business software an IT desk is asked about, as people write it: general vocabulary of the trade, like the shop nouns
 * of products.ts, not any one company's estate. Each line is `Label: variant, variant`; the label is what a case records
 * ("GlobalProtect VPN", "Microsoft 365"), the variants how people type it (matched as whole words, any case).
 * A variant starting with `=` is matched only as written: names that are plain words too ("Teams", "Word", "Box").
 * A variant shares at least half its words with its label, or is the trade's shorthand for it ("sfdc", "o365"): a
 * careful agent records the name the label gives.
 */
const LINES = `
Outlook: outlook, ms outlook, microsoft outlook, new outlook, outlook web
Excel: excel, ms excel, microsoft excel
PowerPoint: powerpoint, ms powerpoint
OneDrive: onedrive
SharePoint: sharepoint
OneNote: onenote
Microsoft 365: microsoft 365, office 365, o365, m365
Microsoft Teams: =Teams, microsoft teams
Word: =Word, ms word, microsoft word
Microsoft Project: microsoft project
Microsoft Access: microsoft access
Visio: visio
Power BI: power bi
Power Automate: power automate
Power Apps: power apps
Dynamics 365: dynamics 365
Intune: intune
Company Portal: company portal
Microsoft Authenticator: microsoft authenticator
Microsoft Defender: microsoft defender, defender
BitLocker: bitlocker
Edge: microsoft edge, ms edge
Windows Hello: windows hello
Remote Desktop: remote desktop
Azure DevOps: azure devops
Visual Studio Code: visual studio code, vscode, vs code
Visual Studio: visual studio
Salesforce: salesforce, sfdc
Figma: figma
Miro: =Miro
Jira: jira
Confluence: confluence
Trello: trello
Bitbucket: bitbucket
GitHub: github
GitLab: gitlab
Docker: docker, docker desktop
Postman: =Postman
IntelliJ: intellij, intellij idea
PyCharm: pycharm
Xcode: xcode
Android Studio: android studio
Datadog: datadog
PagerDuty: pagerduty
Grafana: grafana
Sentry: =Sentry
GlobalProtect VPN: globalprotect

FortiClient VPN: forticlient
Pulse Secure VPN: pulse secure
OpenVPN: openvpn
WireGuard: wireguard
Zscaler: zscaler
Citrix: citrix, citrix workspace, citrix receiver
VMware Horizon: vmware horizon
Workday: workday
SAP: =SAP, sap gui, sap concur
Concur: =Concur
Coupa: coupa
NetSuite: netsuite
Oracle: =Oracle, oracle fusion, oracle ebs
QuickBooks: quickbooks
Xero: =Xero
Sage: sage 50, sage intacct
Expensify: expensify
BambooHR: bamboohr
ADP: =ADP
Gusto: =Gusto
Greenhouse: greenhouse recruiting
HubSpot: hubspot
Marketo: marketo
Mailchimp: mailchimp
Pipedrive: pipedrive
Zendesk: zendesk
Freshdesk: freshdesk
Intercom: =Intercom
ServiceNow: servicenow
Okta: okta, okta verify
Duo: duo mobile, duo security, =Duo
Google Authenticator: google authenticator
1Password: 1password
LastPass: lastpass
Bitwarden: bitwarden
KeePass: keepass
Gmail: gmail
Google Workspace: google workspace
Google Drive: google drive
Google Docs: google docs
Google Sheets: google sheets
Google Calendar: google calendar
Google Meet: google meet
Dropbox: dropbox
Box: box drive
Egnyte: egnyte
Slack: =Slack
Zoom: =Zoom, zoom client
Webex: webex, cisco webex
RingCentral: ringcentral
Five9: five9
Genesys: genesys
Aircall: aircall
Asana: asana
Monday.com: monday.com
Smartsheet: smartsheet
Notion: =Notion
Evernote: evernote
ClickUp: clickup
Airtable: airtable
Tableau: =Tableau, tableau desktop, tableau server, tableau cloud, tableau creator, tableau prep, tableau online
Looker: looker
Qlik: qlik, qlik sense
Snowflake: =Snowflake
Databricks: databricks
DocuSign: docusign
Adobe Sign: adobe sign
Photoshop: photoshop
Illustrator: illustrator
InDesign: indesign
Premiere Pro: premiere pro
After Effects: after effects
Lightroom: lightroom
Adobe Acrobat: acrobat, acrobat reader, adobe acrobat
Adobe Creative Cloud: creative cloud
Canva: canva
AutoCAD: autocad
Revit: revit
SolidWorks: solidworks
MATLAB: matlab
SPSS: =SPSS
Stata: =Stata
Chrome: =Chrome, google chrome
Firefox: firefox
Safari: =Safari
Shopify: shopify
Stripe: =Stripe
Loom: =Loom
Calendly: calendly
Lucidchart: lucidchart
Sophos: sophos
CrowdStrike: crowdstrike
Mimecast: mimecast
Proofpoint: proofpoint
Jamf: jamf
`;

interface SoftwareName {
  label: string;
  /** Lower-cased variants, matched whole-word in any case. */
  anyCase: string[];
  /** Variants matched only as written. */
  exact: string[];
}

const NAMES: SoftwareName[] = LINES.trim()
  .split('\n')
  .map((line) => {
    const colon = line.indexOf(':');
    const variants = line
      .slice(colon + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return {
      label: line.slice(0, colon).trim(),
      anyCase: variants.filter((v) => !v.startsWith('=')).map((v) => v.toLowerCase()),
      exact: variants.filter((v) => v.startsWith('=')).map((v) => v.slice(1)),
    };
  });

const spaced = (v: string) => v.toLowerCase().replace(/\s+/g, ' ');
const LABEL_OF = new Map(NAMES.flatMap((n) => [...n.anyCase, ...n.exact].map((v) => [spaced(v), n.label] as const)));
/** One alternation per case rule, longest variant first ("visual studio code" before "visual studio"). */
const alternation = (variants: string[], flags: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${variants
      .sort((a, b) => b.length - a.length)
      .map((v) => escapeRegExp(v).replace(/\s+/g, '\\s+'))
      .join('|')})(?![\\p{L}\\p{N}])`,
    flags,
  );
const ANY_CASE = alternation(
  NAMES.flatMap((n) => n.anyCase),
  'giu',
);
const EXACT = alternation(
  NAMES.flatMap((n) => n.exact),
  'gu',
);

/**
 * How a user reaches an application rather than what fails: "Workday shows a blank page in Chrome", "Okta loops when I
 * sign in to DocuSign". Named alone, they are the subject.
 */
export const CARRIER: ReadonlySet<string> = new Set([
  'Chrome',
  'Firefox',
  'Safari',
  'Edge',
  'Okta',
  'Duo',
  'Microsoft Authenticator',
  'Google Authenticator',
  'Citrix',
  'VMware Horizon',
  'Remote Desktop',
  'Windows Hello',
  'Company Portal',
  'Intune',
]);

/** The first listed application a text names, a browser or sign-in route only when nothing else is named. */
export function listedApplicationIn(text: string): string | null {
  const found: Array<{ label: string; at: number }> = [];
  for (const re of [ANY_CASE, EXACT])
    for (const m of text.matchAll(re)) {
      const label = LABEL_OF.get(spaced(m[0]));
      if (label) found.push({ label, at: m.index ?? 0 });
    }
  found.sort((a, b) => a.at - b.at);
  return (found.find((f) => !CARRIER.has(f.label)) ?? found[0])?.label ?? null;
}
