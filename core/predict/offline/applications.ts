import { conceptById, findConcepts } from './concepts.js';
import { CARRIER, listedApplicationIn } from './software-names.js';
import { capitaliseFirst, escapeRegExp, fold } from './text.js';
import type { Transcript, Turn } from './transcript.js';

export interface AppFound {
  value: string;
  confidence: number;
  evidence: string[];
}

/**
 * Widely used business software, as people write it. Names that are also plain words ("Teams", "Word", "Zoom") only
 * count when capitalised.
 */
const KNOWN: Array<[RegExp, string]> = [
  [/\boutlook\b/i, 'Outlook'],
  [/\bexcel\b/i, 'Excel'],
  [/\bpowerpoint\b/i, 'PowerPoint'],
  [/\bonedrive\b/i, 'OneDrive'],
  [/\bsharepoint\b/i, 'SharePoint'],
  [/\b(?:microsoft|office|m) ?365\b/i, 'Microsoft 365'],
  [/\bsalesforce\b/i, 'Salesforce'],
  [/\bfigma\b/i, 'Figma'],
  [/\bjira\b/i, 'Jira'],
  [/\bconfluence\b/i, 'Confluence'],
  [/\bgithub\b/i, 'GitHub'],
  [/\bgitlab\b/i, 'GitLab'],
  [/\bglobalprotect\b/i, 'GlobalProtect VPN'],
  [/\banyconnect\b/i, 'Cisco AnyConnect VPN'],
  [/\bworkday\b/i, 'Workday'],
  [/\bSAP\b/, 'SAP'],
  [/\bquickbooks\b/i, 'QuickBooks'],
  [/\bhubspot\b/i, 'HubSpot'],
  [/\bzendesk\b/i, 'Zendesk'],
  [/\bokta\b/i, 'Okta'],
  [/\bgmail\b/i, 'Gmail'],
  [/\bgoogle (?:drive|docs|sheets|calendar|meet)\b/i, ''],
  [/\bdropbox\b/i, 'Dropbox'],
  [/\bphotoshop\b/i, 'Photoshop'],
  // Vendor and product, as the licence and the agent name it: "Acrobat" is Adobe's.
  [/\bacrobat\b/i, 'Adobe Acrobat'],
  [/\bnetsuite\b/i, 'NetSuite'],
  [/\bservicenow\b/i, 'ServiceNow'],
  [/\bTeams\b/, 'Microsoft Teams'],
  [/\bSlack\b/, 'Slack'],
  [/\bzoom rooms?\b/i, 'Zoom Rooms'],
  [/\bZoom\b/, 'Zoom'],
  [/\bWord\b/, 'Word'],
  [/\b(?:rdp|remote desktop)\b/i, 'Remote Desktop'],
  [/\bChrome\b/, 'Chrome'],
];
const KNOWN_GLOBAL = KNOWN.map(([re]) => new RegExp(re.source, 'gi'));
// "it's in chrome actually": in a short answer that says which one it is, a name that is also a word is a name however
// it is typed.
const KNOWN_ANY_CASE: Array<[RegExp, string]> = KNOWN.map(([re, label]) => [new RegExp(re.source, 'i'), label]);
const DEFERRED =
  /\b(?:separately|(?:in )?a separate (?:ticket|request|case)|(?:another|a new|its own) (?:ticket|request|case)|raise (?:those|that|them|it) later)\b/;
// "Power BI Desktop crashes after the splash screen": a name-shaped subject of a software failure.
const FAILING_SUBJECT =
  /(?:^|[,:;]\s*|\b(?:the|my|our)\s+)(\p{Lu}[\p{L}\p{N}]*(?:\s+(?:\p{Lu}[\p{L}\p{N}]*|\d[\w.]*)){0,2})\s+(?:keeps?\s+|still\s+)?(?:crash(?:es|ed|ing)?|freez(?:es|ing)|hangs|won'?t (?:open|launch|start|load|connect|sync|work|let me)|fails? to (?:open|launch|start|load|connect|sync)|stopped (?:working|syncing|connecting|loading)|(?:is|has been|went|seems|'s) (?:down|offline|broken|crashing|freezing|not (?:opening|launching|loading|starting|working|connecting|syncing)))\b/u;
// "FortiClient", "NetSuite", "QuickBooks": a name with a capital inside is a product name, almost always software.
// The same failure said in German ("stürzt SAP GUI bei mir ab"), Spanish, French or Portuguese, subject first or inside.
const FAILING_ELSEWHERE = [
  // "da stamattina Gestionale Ufficio non si apre più", "depuis ce matin Planifix ne se lance plus": outside German,
  // where every noun is capitalised, a capitalised name before a failure is the subject wherever the sentence starts.
  /(?<![.!?]\s*)(?<=\p{Ll}\s+|,\s*)(?<!\b(?:impresora|imprimante|stampante|impressora|printer|souris|mouse|rato|rat[oó]n|muis|clavier|teclado|tastiera|toetsenbord|casque|cuffie|auriculares|headset|monitor|[ée]cran|schermo|pantalla|port[aá]til|portable|portatile|ordinateur|computador|laptop|tel[eé]fono|t[ée]l[ée]phone|telem[oó]vel|telefoon|dock|scanner)\s+)(\p{Lu}[\p{L}\p{N}]*(?:\s+(?:\p{Lu}[\p{L}\p{N}]*|\d[\w.]*)){0,2})\s+(?:no (?:abre|arranca|funciona|carga)|se (?:cierra|cuelga)|ne (?:s'ouvre|marche|fonctionne|d[ée]marre|se lance|charge) (?:plus|pas)|n[ãa]o (?:abre|funciona|carrega|inicia)|non (?:si apre|funziona|parte|si avvia|carica)|si (?:blocca|chiude)|va in crash|(?:werkt|start|opent|laadt) niet|crasht|loopt vast)\b/u,
  // "sinds vanochtend werkt Roosterapp niet meer": the Dutch verb before its subject.
  /\b(?:werkt|start|opent|laadt|crasht)\s+(\p{Lu}[\p{L}\p{N}]*(?:\s+\p{Lu}[\p{L}\p{N}]*)?)\s+(?:\S+\s+){0,3}?(?:niet|steeds)\b/u,
  /\b(?:st[üu]rzt|h[äa]ngt|friert)\s+(\p{Lu}[\p{L}\p{N}]*(?:\s+(?:\p{Lu}[\p{L}\p{N}]*|\d[\w.]*)){0,2})\s+(?:\S+\s+){0,5}?(?:ab|ein|sich auf)\b/u,
  /(?:^|[,:;]\s*|\b(?:el|la|mi|le|mon|o|a|meu|das|der|die|mein)\s+)(\p{Lu}[\p{L}\p{N}]*(?:\s+(?:\p{Lu}[\p{L}\p{N}]*|\d[\w.]*)){0,2})\s+(?:se (?:cierra|cuelga|bloquea|traba|fecha)|no (?:abre|arranca|funciona|carga|conecta)|plante|ne (?:s'ouvre|marche|fonctionne|d[ée]marre|se lance) (?:plus|pas)|trava|n[ãa]o (?:abre|funciona|carrega|conecta)|(?:st[üu]rzt|h[äa]ngt)\b[^.!?]{0,60}\bab|startet nicht|funktioniert nicht)\b/u,
];
// "typed my Microsoft password into it": in a phishing report the account whose password was given is what is at
// stake, not the brand the lure imitated. A vendor's account is its suite.
const CREDENTIALS_OF =
  /\b(?:typed|entered|gave|put|submitted)\s+(?:in\s+)?(?:my|our)\s+(\p{Lu}[\p{L}\p{N}]*(?:\s+\d{3})?)\s+(?:password|credentials|login|log-in|sign-in)\b/u;
const SUITES: Record<string, string> = {
  microsoft: 'Microsoft 365',
  office: 'Microsoft 365',
  'microsoft 365': 'Microsoft 365',
  'office 365': 'Microsoft 365',
  google: 'Google Workspace',
  apple: 'Apple ID',
};
// "nobody can connect to CORP-WIFI": a network's name (SSID) is written as an upper-case identifier.
const NETWORK_NAME =
  /\b(?:connect(?:ed|ing)? to|join(?:ed|ing)?|on|ssid|network(?: called| named)?)\s+(?:the\s+)?["']?([A-Z][A-Z0-9]*(?:[-_][A-Z][A-Z0-9]*)+)\b/;
const SHARED_MAILBOX = /(?<![\w.-])([\w.-]+@)(?![\w.-])\s*(?:shared\s+)?(?:inbox|mailbox|address)\b/u;
const SHARE_NAMED = /\b([a-z0-9]+(?:[-_][a-z0-9]+)+)\s+(?:network\s+)?(share|shared drive|shared folder)\b/iu;
const SHARE_PATH = /\\\\[\w.-]+\\([\w.$-]+)/u;
const MAIL_CLIENT = /\b(?:outlook|gmail|thunderbird|apple mail)\b/i;
const LICENCE_OF =
  /\b(?:an?|the)\s+(\p{Lu}[\p{L}\p{N}]*(?:\s+\p{Lu}[\p{L}\p{N}]*){0,2})\s+(?:licen[cs]es?|seats?|subscription)\b/u;
const ADDIN_PART =
  /\bthe\s+(\p{Lu}[\p{L}\p{N}]*(?:\s+\p{Lu}[\p{L}\p{N}]*)?)\s+(?:ribbon|tab|toolbar|add-?in|plug-?in|button|menu)\b[^.!?]{0,40}\b(?:vanished|disappeared|gone|missing|greyed out|grayed out|not showing|doesn'?t show|won'?t load|stopped)\b/u;
const NOT_AN_APP =
  /^(?:Mein|Meine|Mi|Mis|Mon|Ma|Mes|Meu|Minha|Il|La|Le|El|Der|Die|Das|Mijn|De|Het)\b|\b(?:Bluetooth|WiFi|Wi-Fi|WLAN|Wlan|USB|HDMI|LAN|Ethernet|Laptop|Rechner|Computer|PC|Drucker|Monitor|Handy|Telefon|Portátil|Ordenador|Ordinateur|Imprimante|Impressora|Stampante|Printer|Bildschirm)\b/u;
// An article in front ("den Druckertreiber installieren") makes it a German noun, not a name.
const INSTALL_AFTER =
  /(?<!\b(?:den|die|das|dem|der|einen|eine|ein|meinen|meine|mein|het|de|een|mijn|onze)\s+)\b(\p{Lu}[\p{L}\p{N}]+(?:\s+\p{Lu}[\p{L}\p{N}]+)?)\s+(?:(?:op|auf)\s+(?:mijn|onze|meinen|meinem|meinen|den|dem|de|het)\s+(?:laptop|pc|computer|rechner|notebook|macbook)\s+)?(?:zetten|installeren|installieren|draufspielen|aufspielen|draufmachen)\b/u;
const SIGN_IN_OF =
  /\b(\p{Lu}[\p{L}\p{N}]+)\s+(?:login|log-?in|sign-?in|sso|single sign-on)\b|\b(?:sign(?:ing)?|log(?:ging)?)\s*in(?:to|\s+to)\s+(\p{Lu}[\p{L}\p{N}]+)/u;
const CAMEL_NAME = /\b(\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{N}]*)\b/u;
const ADD_IN = /\b(?:the\s+)?(\p{Lu}[\p{L}\p{N}]+)\s+(add-?in|plug-?in|extension)\b/u;

/** Problems an application itself has, and those of the device or network it runs on. */
const APP_LEVEL = new Set([
  'login',
  'password',
  'two_factor',
  'locked',
  'error',
  'crash',
  'outage',
  'sync',
  'integration',
  'export',
  'not_working',
  'software_fault',
  'install',
  'access_request',
  'vpn',
  'mail',
  'calendar',
  // "Okta Verify pushes all night, I didn't try to log in": the account of the app is what someone else is using.
  'compromised',
]);
const DEVICE_LEVEL = new Set(['wifi', 'network', 'hardware', 'lost_device']);

/** Whether a sentence carries an actual IT problem or request, so a passing mention ("Adobe on the loaner") is skipped. With
 * `ofApp`, only a problem of an application counts, and none where the device or network is what failed. */
function carriesIssue(folded: string, app = '', ofApp = false): boolean {
  // The app's own name ("Outlook" is a mail concept, "Authenticator" a 2FA one) says nothing about a problem: look at
  // the rest of the sentence.
  let rest = KNOWN_GLOBAL.reduce((s, re) => s.replace(re, ' '), folded);
  if (app) rest = rest.split(fold(app)).join(' ');
  rest = rest.replace(/\s+/g, ' ');
  const hits = findConcepts(rest);
  // "the VPN keeps dropping … FortiClient says 'connection lost'": a connection a VPN client keeps losing is its own.
  if (ofApp && hits.some((h) => DEVICE_LEVEL.has(h.id)) && !hits.some((h) => h.id === 'vpn')) return false;
  return (
    hits.some((h) => {
      const c = conceptById(h.id);
      return c !== undefined && c.id !== 'hardware' && (!ofApp || APP_LEVEL.has(c.id)) && (c.problem || c.weight >= 2);
    }) || APP_TROUBLE.test(rest)
  );
}

/**
 * What goes wrong with an application, said in the other languages: "stürzt … ab", "ist gesperrt", "sehe … nicht mehr",
 * "no abre", "ne s'ouvre plus", "sumiu", "non si apre", "werkt niet meer", and the ask to install it ("op mijn laptop
 * zetten", "me podéis instalar"). Folded text.
 */
const APP_TROUBLE = new RegExp(
  [
    // "in ServiceNow the Approve button is greyed out": a control the user cannot use.
    '\\b(?:greyed|grayed) out\\b',
    // crashes and hangs
    '\\b(?:sturzt|hangt|friert)\\b[^.!?]{0,60}\\b(?:ab|ein|auf)\\b|\\babgesturzt\\b|\\bse (?:cierra|cuelga|bloquea|traba|fecha|ferme)\\b|\\bplante\\b|\\btrava\\b|\\bsi (?:chiude|blocca|pianta)\\b|\\b(?:crasht|loopt vast|blijft hangen)\\b',
    // will not open, start or work
    "\\b(?:startet|offnet|lauft|funktioniert|geht) (?:\\w+ )?(?:nicht|nie)\\b|\\blasst sich nicht\\b|\\bno (?:me )?(?:abre|arranca|funciona|carga|conecta|deja)\\b|\\bne (?:s'ouvre|marche|fonctionne|demarre|se lance|charge|se connecte) (?:plus|pas)\\b|\\bn[ao]o (?:abre|funciona|carrega|conecta|inicia|deixa)\\b|\\bnon (?:si apre|funziona|parte|si avvia|carica|si connette)\\b|\\b(?:opent|start|werkt|laadt) (?:\\w+ )?niet\\b|\\bdoet het niet\\b",
    // gone from view
    "\\bverschwunden\\b|\\b(?:sehe|finde) (?:ich )?[^.!?]{0,40}\\bnicht mehr\\b|\\bdesaparec\\w*|\\bya no (?:veo|aparece|sale)\\b|\\bdisparu\\b|\\bne (?:vois|trouve) plus\\b|\\bn'appara[i]t plus\\b|\\bsumiu\\b|\\bnao (?:vejo|aparece) mais\\b|\\b(?:sparit|scompars)[oaie]\\b|\\bnon (?:vedo|trovo) piu\\b|\\bverdwenen\\b|\\b(?:zie ik|ik zie)\\b[^.!?]{0,40}\\bniet meer\\b",
    // locked out
    '\\b(?:gesperrt|bloquead[oa]|bloquee?|bloccat[oa]|geblokkeerd|vergrendeld)\\b',
    // gone, or refusing, in English words no concept has: "the shared vault disappeared from my account", "won't enrol
    // in Intune, Company Portal says 'Device limit reached'"
    "\\b(?:disappeared|vanished|gone missing|went missing|missing from)\\b|\\b(?:won'?t|can'?t|cannot|couldn'?t|will not|unable to) (?:enrol|enroll|sync|open|load|launch|start|install|update|sign|log|connect|find|see|access|save|share|send|print)\\w*|\\bsays? [\"'\u2018\u201c]",
    // sign-in pushes the user did not start ("20 Okta push notifications that I didn't trigger", "notificaciones push que
    // no he pedido", "Push-Anfragen, die ich nicht ausgelöst habe"): an attack on the account the pushes come from
    "\\bpush\\b[^.!?]{0,60}\\b(?:didn'?t|did not|never|haven'?t|not|no|nicht|niet|non|nao|pas)\\b[^.!?]{0,25}\\b(?:trigger|request|ask|start|initiat|pedi|solicit|ausgel|angefordert|gestartet|demand|declench|richiest|aangevraagd|gestart)",
    // the ask to install it
    '\\b(?:installieren|aufspielen|draufspielen|instalar(?:me|nos)?|installer|installare|installarmi|installeren)\\b|\\bop (?:mijn|onze) (?:laptop|pc|computer) (?:zetten|krijgen)\\b',
  ].join('|'),
);

/**
 * The application the issue is about, from the customer's own problem statements: known software names, a quoted
 * product ("an email from \"Microsoft 365\""), an add-in attached to its host ("Excel (FinSight add-in)").
 */
/** Words that name a kind of software or service rather than one application. */
const GENERIC_APPLICATION =
  /^(?:the )?(?:vpn|wi-?fi|wlan|e-?mail|mail|internet|network|printer|printing|scanner|app|software|browser|sso|mfa|2fa)$/i;

/**
 * The application the case is about. "VPN wont connect" told to a bot that recorded "Cisco AnyConnect": the kind of
 * thing the customer named is less than the application the bot already has, so nothing is found and the bot's value
 * stands (as the predictor falls back to it).
 */
export function findApplication(t: Transcript, botValue?: unknown): AppFound | null {
  const first = firstApplication(t) ?? describedApplication(t);
  const switched = first ? (switchedApplication(t, first) ?? first) : null;
  const found = switched ? (agentSpelling(t, switched) ?? switched) : null;
  if (found && typeof botValue === 'string' && botValue.trim() && GENERIC_APPLICATION.test(found.value.trim()))
    return null;
  return found;
}

// "the tax software (taxpilot)": a kind of software, then its name in brackets.
const NAME_IN_BRACKETS =
  /\b(?:software|app|application|tool|program|programme|platform|system|portal|thing)\s*\(\s*([\p{L}][\p{L}\p{N}.-]{2,30})\s*\)/u;
// "ledger1 says 'no licences available'": a name with a number in it, showing a message, is the software saying it.
const NUMBERED_NAME_SAYS =
  /(?:^|[\s,:;])([\p{L}]{3,}\d+)\s+(?:says|said|shows|showed|gives|gave|throws|threw|keeps|won'?t|wont|will not|doesn'?t|isn'?t|is)\b/u;
// "the timesheet thing keeps throwing an error": software described by what it is for, when it has no name yet.
const DESCRIBED =
  /\bthe\s+(\p{Ll}{4,}(?:\s+\p{Ll}{4,})?)\s+(?:thing|thingy|app|system|tool|portal|software|program|platform)\b/u;
const NOT_DESCRIBING =
  /^(?:new|old|same|other|whole|main|company|work|office|mobile|phone|desktop|online|internal|usual|little|stupid|damn|printer|printing|network|wifi|email|mail|login|password|sign|booking|banking|payment|shopping|video|camera|security)\b/;

/**
 * A named application the customer gave inside other words, or none but a description of what it is for, when no
 * known name or name-shaped subject was found: "the tax software (taxpilot)", "ledger1 says …", "the timesheet thing".
 */
function describedApplication(t: Transcript): AppFound | null {
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    for (const s of turn.sentences) {
      if (DEFERRED.test(s.folded)) continue;
      const bracketed = NAME_IN_BRACKETS.exec(s.text)?.[1];
      if (bracketed) return { value: bracketed, confidence: 0.5, evidence: [turn.id] };
      const numbered = NUMBERED_NAME_SAYS.exec(s.text)?.[1];
      if (numbered && carriesIssue(s.folded, numbered))
        return { value: numbered, confidence: 0.5, evidence: [turn.id] };
      const described = DESCRIBED.exec(s.text)?.[1];
      if (described && !NOT_DESCRIBING.test(described) && carriesIssue(s.folded, '', true))
        return {
          value: `${capitaliseFirst(described)} app`,
          confidence: 0.4,
          evidence: [turn.id],
        };
    }
  }
  return null;
}

// "Is that Clockwise in the browser?", "Are you opening LedgerOne from the desktop shortcut?": IT names the application.
const AGENT_NAMES =
  /\b(?:[Ii]s (?:that|it|this)|[Aa]re you (?:using|opening|on|in)|[Yy]ou mean|opening)\s+(\p{Lu}[\p{L}\p{N}]{3,})\b/u;

/**
 * The proper name IT gives the application the requester described ("the timesheet thing" is Clockwise) or spelled
 * their own way ("ledger1" is LedgerOne), unless the requester answers no.
 */
function agentSpelling(t: Transcript, found: AppFound): AppFound | null {
  const described = / app$/.test(found.value) && found.confidence <= 0.4;
  const stem = fold(found.value)
    .replace(/[^a-z]/g, '')
    .slice(0, 5);
  const from = t.usable.findIndex((x) => x.id === found.evidence[0]);
  const turns = t.usable.slice(from + 1);
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i]!;
    if (turn.role !== 'agent') continue;
    const named = AGENT_NAMES.exec(turn.text)?.[1];
    if (!named || KNOWN.some(([re]) => re.test(named)) || NOT_AN_APP.test(named)) continue;
    // "Dynamics 365 Sales" after "Dynamics 365" is the same name, not another spelling of it.
    const sameStem = stem.length === 5 && fold(named).startsWith(stem) && !fold(found.value).startsWith(fold(named));
    if (!described && !sameStem) continue;
    const answer = turns.slice(i + 1).find((x) => x.role === 'customer');
    if (answer && /^\W*(?:no|nope|nah|not)\b/.test(answer.folded)) continue;
    return { value: named, confidence: 0.6, evidence: [turn.id] };
  }
  return null;
}

// "doe die maar in plaats van Pixelstream", "install Krita instead of Photoshop": the old name after "instead of".
const INSTEAD_OF =
  /\b(?:instead of|rather than|in plaats van|anstatt|statt|anstelle von|en (?:lugar|vez) de|au lieu de|plutot que|em vez de|ao inves de|invece di|al posto di)\s+(?:(?:the|el|la|le|il|lo|o|a|de|het|das|den|dem)\s+)?(\p{L}[\p{L}\p{N}]*)/iu;
// "oh wait, sorry, it's actually the jira board i can't get into, not confluence": a correction naming the old one.
const NOT_THAT_ONE =
  /\b(?:actually|sorry|i mean|i meant|my bad|correction|eigentlich|en realidad|en fait|na verdade|in realta|eigenlijk)\b[^.!?]*?[,;]?\s+(?:not|nicht|no|pas|nao|non|niet)\s+(?:the\s+|in\s+|el\s+|la\s+|le\s+|o\s+|a\s+|het\s+|de\s+)?(\p{L}[\p{L}\p{N}]*)/iu;
const NAME_BEFORE_INSTEAD =
  /\b(\p{Lu}[\p{L}\p{N}]+(?:\s+\p{Lu}[\p{L}\p{N}]+)?)\s+(?:\p{Ll}+\s+){0,3}?(?:instead of|rather than|in plaats van|statt|anstatt|en (?:lugar|vez) de|au lieu de|em vez de|invece di|al posto di)\b/u;

/**
 * A later customer turn that swaps the application for another ("we already have licences for ClipForge, do that one
 * instead of Pixelstream"): the one asked for last is the case's.
 */
function switchedApplication(t: Transcript, found: AppFound): AppFound | null {
  const from = t.usable.findIndex((x) => x.id === found.evidence[0]);
  const oldWords = fold(found.value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);
  let result: AppFound | null = null;
  for (const turn of t.usable.slice(from + 1)) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    const swap = INSTEAD_OF.exec(turn.text) ?? NOT_THAT_ONE.exec(turn.text);
    if (!swap || !oldWords.includes(fold(swap[1]!))) continue;
    // The old name blanked out, what the turn still names is the new one.
    let rest = turn.text;
    for (const w of oldWords)
      rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'giu'), ' ');
    const named = appIn(rest) ?? NAME_BEFORE_INSTEAD.exec(rest)?.[1] ?? null;
    if (named && !oldWords.includes(fold(named)) && !NOT_AN_APP.test(named))
      result = { value: named, confidence: 0.6, evidence: [turn.id] };
  }
  return result;
}

// "an email from 'DocuSign'", "a DocuSign email", "a page that looked like Okta": the brand a phishing lure wore.
const NAME = `["'\u2018\u201c]?(\\p{Lu}[\\p{L}\\p{N}]*(?:\\s\\p{Lu}[\\p{L}\\p{N}]*)?)["'\u2019\u201d]?`;
const LURES = [
  new RegExp(
    `\\b(?:e-?mails?|mails?|messages?|texts?|sms|links?|invites?|invitations?|notifications?)\\s+(?:(?:supposedly|apparently|allegedly)\\s+)?(?:from|by|von|de|da|van|di)\\s+${NAME}`,
    'gu',
  ),
  new RegExp(
    `\\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Ss]ome|[Ee]en|[Uu]ne?|[Uu]ma?|[Ee]ine?)\\s+(?:(?:fake|dodgy|weird|odd|strange)\\s+)?${NAME}\\s+(?:e-?mail|mail|message|notification|link|invite|(?:login |sign-in )?page)`,
    'gu',
  ),
  new RegExp(
    `\\b(?:pretending to be|posing as|looked like|looking like|supposedly from|claiming to be|disguised as)\\s+(?:(?:a|an|the|our)\\s+)?${NAME}`,
    'gu',
  ),
];

// "clicked and typed my password": then the account the lure asked for is what is at stake, and its brand counts.
const CREDENTIALS_GIVEN =
  /\b(?:typed|entered|gave|put|submitted|eingegeben|eingetippt|introduje|escribi|puse|saisi|tape|digitei|coloquei|inserito|messo|ingevuld|ingetypt)\b[^.!?]{0,30}\b(?:password|credentials|login|details|passwort|kennwort|contrasena|clave|mot de passe|identifiants|senha|wachtwoord)\b|\b(?:password|passwort|contrasena|mot de passe|senha|wachtwoord)\b[^.!?]{0,20}\b(?:eingegeben|eingetippt|ingevuld|ingetypt)\b/;

/**
 * In a phishing report where no password was given, a sentence without the brands the lure imitated ("opened the
 * attachment of an email from 'DocuSign'"): they are no application at fault.
 */
// "Authenticator is empty, so I can't log into anything (Outlook, Teams, the portal)": a list in brackets names what
// the problem reaches, not the application it is about.
const LISTED_IN_BRACKETS = /\((?:[^()]*,){1,}[^()]*\)/g;
function lureFree(turn: Turn, text: string): string {
  const own = text.replace(LISTED_IN_BRACKETS, (m) => (appIn(text.replace(m, ' ')) ? ' ' : m));
  if (!findConcepts(turn.folded).some((h) => h.id === 'phishing') || CREDENTIALS_GIVEN.test(turn.folded)) return own;
  return LURES.reduce((out, re) => out.replace(re, ' '), own);
}

function firstApplication(t: Transcript): AppFound | null {
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    for (const s of turn.sentences) {
      // "…and Figma licences, but I'll raise those separately": what the customer defers is not this case.
      if (DEFERRED.test(s.folded)) continue;
      const found = appIn(lureFree(turn, s.text));
      if (found && (carriesIssue(s.folded, found) || knownAppFails(s.folded, found)))
        return { value: found, confidence: 0.7, evidence: [turn.id] };
    }
  }
  // "it's outlook again", "Teams problems": a known application named as the topic, before anything else is said.
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    for (const s of turn.sentences) {
      if (!TOPIC_NAMED.test(s.folded)) continue;
      const found = appIn(lureFree(turn, s.text));
      if (found && KNOWN.some(([re]) => re.test(found))) return { value: found, confidence: 0.5, evidence: [turn.id] };
    }
  }
  // "In Outlook?" - "Ja, Outlook.": the customer confirms, in a short answer, the application the agent asked about.
  let question = '';
  for (const turn of t.usable) {
    if (turn.offTopic) continue;
    if (turn.role !== 'customer') {
      question = /\?/.test(turn.text) ? turn.text : '';
      continue;
    }
    for (const s of question ? turn.sentences : []) {
      // "Outlook am Rechner und im Web, auf dem Handy stimmt es": a longer answer that opens with the name picks it too.
      const short = s.folded.split(/\s+/).length <= 4;
      const opening = s.text.replace(ANSWER_YES, '');
      const found = KNOWN.find(
        ([re]) => re.test(question) && (short ? re.test(s.text) : re.exec(opening)?.index === 0),
      );
      let label = found ? found[1] || (found[0].exec(s.text)?.[0] ?? '') : '';
      // "do you mean SAP Concur?" - "yes that one": a bare yes to a question naming one application takes it.
      if (!label && MEAN_QUESTION.test(question) && BARE_YES.test(s.folded)) {
        const named = KNOWN.filter(([re]) => re.test(question));
        if (named.length === 1) label = named[0]![1] || (named[0]![0].exec(question)?.[0] ?? '');
      }
      if (label) return { value: label, confidence: 0.5, evidence: [turn.id] };
    }
    question = '';
  }
  // "my VPN drops every 10 minutes … it's FortiClient": once a problem is stated, a short answer naming a known
  // application says which one it was about.
  // Whether a problem is stated is read only once a short naming answer turns up: it scans every customer sentence.
  let problemStated: boolean | undefined;
  const stated = () =>
    (problemStated ??= t.usable.some(
      (x) => x.role === 'customer' && !x.offTopic && x.sentences.some((s) => carriesIssue(s.folded)),
    ));
  for (const turn of t.usable) {
    if (turn.role !== 'customer' || turn.offTopic) continue;
    for (const s of turn.sentences) {
      // "it's in chrome actually, I can see the tab bar": the short answer may be the first clause of a longer sentence.
      const text = s.text.split(/[,;]\s/)[0]!;
      const folded = s.folded.split(/[,;]\s/)[0]!;
      if (folded.split(/\s+/).length > 5 || !IDENTIFIES.test(folded)) continue;
      const found = KNOWN_ANY_CASE.find(([re]) => re.test(text));
      const label = found ? found[1] || (found[0].exec(text)?.[0] ?? '') : (listedApplicationIn(text) ?? '');
      if (label && stated()) return { value: label, confidence: 0.5, evidence: [turn.id] };
    }
  }
  // "Salesforce question. The report export comes out blank": a known application the customer named, with a problem of
  // an application elsewhere in the message (a device or network problem beside an app name is where it showed).
  const customerTurns = t.usable.filter((x) => x.role === 'customer' && !x.offTopic);
  for (let i = 0; i < customerTurns.length; i++) {
    const turn = customerTurns[i]!;
    for (const s of turn.sentences) {
      if (DEFERRED.test(s.folded)) continue;
      const found = appIn(lureFree(turn, s.text));
      const known = found !== null && (KNOWN.some(([re]) => re.test(found)) || listedApplicationIn(found) !== null);
      if (known && carriesIssue(turn.folded, found, true))
        return { value: found, confidence: 0.45, evidence: [turn.id] };
    }
  }
  return null;
}

/**
 * A known application as the subject of a negated verb: "Zoom won't share my screen", "Slack doesn't send anything",
 * "Zoom no comparte la pantalla", "Teams ne charge pas", "Zoom teilt den Bildschirm nicht". The app is what fails even
 * when the rest reads as hardware ("screen"). Folded text.
 */
function knownAppFails(folded: string, app: string): boolean {
  // "Microsoft Teams" is written "Teams": the name as the text has it.
  const names = KNOWN.filter(([re, label]) => label === app || re.test(app)).map(([re]) => re.source);
  if (names.length === 0) return false;
  return new RegExp(
    `(?:${names.join('|')})\\s+(?:(?:still|just|now|suddenly)\\s+)?(?:(?:won'?t|will not|doesn'?t|does not|can'?t|cannot)\\s+(?!matter\\b|seem\\b|have\\b|need\\b|be\\b)\\p{L}{3,}|(?:isn'?t|is not)\\s+\\p{L}+ing\\b|(?:ya\\s+)?no\\s+(?!problem|issue|worr|longer\\s+(?:needed|required))(?:me\\s+|se\\s+|nos\\s+)?\\p{L}{3,}|nao\\s+(?:se\\s+|me\\s+)?\\p{L}{3,}|ne\\s+(?:se\\s+|s'|me\\s+|m')?\\p{L}+\\s+(?:pas|plus)\\b|n'\\p{L}+\\s+(?:pas|plus)\\b|non\\s+(?:si\\s+|mi\\s+)?\\p{L}{3,}|\\p{L}+\\s+(?:[^.!?,]{0,30}\\s)?(?:nicht|niet)\\b)`,
    'iu',
  ).test(folded);
}

// "it's FortiClient", "we use Okta", "es Outlook", "c'est Teams", "das ist SAP", "é o Zoom", "het is Teams".
const IDENTIFIES =
  /^(?:(?:and |oh |ah |sorry,? )?(?:it'?s|its|it is|that'?s|this is|using|we use|i use|i'?m using|we'?re using|on|via|through|with)|es|son|uso|usamos|c'est|j'utilise|on utilise|das ist|es ist|ich nutze|wir nutzen|e o|e a|uso o|usamos o|het is|we gebruiken|ik gebruik)\b/;
// "yes, Teams on the laptop": the agreement before the name an answer opens with.
const ANSWER_YES = /^(?:yes|yeah|yep|ja|si|sí|oui|sim|jawohl|klopt)\W+/i;
const MEAN_QUESTION =
  /\b(?:do you mean|you mean|are you (?:on|in|using)|is (?:it|that|this) (?:the )?|meinst du|meinen sie|te refieres a|tu veux dire|vous voulez dire|quer dizer|intendi|bedoel je)\b/i;
const BARE_YES =
  /^(?:yes|yeah|yep|yup|ja|si|oui|sim|jawohl|klopt|correct|exactly|that'?s (?:it|the one|right)|right)\b(?:\W+(?:that(?:'?s)? (?:one|it|the one)|exactly|correct|lol|haha|thanks|please|that one))*\W*$/;
const TOPIC_NAMED =
  /\b(?:again|problems?|issues?|trouble|playing up|acting up|being weird|misbehaving)\b(?![^.!?]{0,20}\b(?:fine|ok|okay|good)\b)/;

function appIn(text: string): string | null {
  const credentials = CREDENTIALS_OF.exec(text)?.[1];
  if (credentials) return SUITES[fold(credentials)] ?? credentials;
  // A named application mentioned first stays the subject ("Salesforce access … and the sales@ inbox"); "the usual
  // M365 stuff" is routine and does not count.
  const firstKnown = Math.min(
    ...KNOWN.map(([re]) => {
      const m = re.exec(text);
      return m && !/\busual\s+$/i.test(text.slice(0, m.index)) ? m.index : Number.POSITIVE_INFINITY;
    }),
  );
  // "the careers@ inbox": a shared mailbox named by its address.
  // "the ap@ shared mailbox has disappeared from my Outlook": the mail client it shows in is the application.
  const mailbox = SHARED_MAILBOX.exec(text);
  if (mailbox && mailbox.index < firstKnown && !MAIL_CLIENT.test(text)) return `${mailbox[1]} shared mailbox`;
  // "'access denied' on the eng-projects share (\\fs02\eng-projects)": a network share, by its name or its path.
  const share = SHARE_NAMED.exec(text) ?? SHARE_PATH.exec(text);
  if (share && share.index < firstKnown) return `${share[1]} ${share[2]?.toLowerCase() ?? 'share'}`;
  // "an Adobe Creative Cloud licence" is the specific ask.
  const licence = LICENCE_OF.exec(text);
  if (licence && licence.index < firstKnown && !/^(?:The|A|An|New|Extra|Another|My|Our)$/.test(licence[1]!))
    return licence[1]!;
  // "the LedgerLink ribbon has vanished from Excel": the part that broke is the add-in, not its host.
  const part = ADDIN_PART.exec(text);
  if (part && !KNOWN.some(([re]) => re.test(part[1]!))) return part[1]!;
  let best: { name: string; at: number } | null = null;
  for (const [re, name] of KNOWN) {
    const m = re.exec(text);
    if (!m) continue;
    let label = name || m[0].replace(/\b\w/g, (ch) => ch.toUpperCase());
    // "Adobe Acrobat Pro", "Zoom Workplace": the vendor before and the edition after belong to the name.
    const before = /(\p{Lu}[\p{L}]+)\s+$/u.exec(text.slice(0, m.index ?? 0))?.[1];
    const after =
      /^\s+(Pro|Plus|Reader|DC|Enterprise|Desktop|Web|Online|Studio|Cloud|Verify|Mobile|Server|Portal|Connect|(?:19|20)\d{2}|\d+\.\d+)\b/.exec(
        text.slice((m.index ?? 0) + m[0].length),
      )?.[1];
    // "the Marketing SharePoint site": a team in front names whose site, not the product.
    if (
      before &&
      !label.startsWith(before) &&
      !/^(?:The|My|Our|I|Hi|Hey|Hello|Use|Open|In|On|Marketing|Sales|Finance|HR|IT|Engineering|Operations|Ops|Legal|Team|Company|Shared|Support|Design|Product)$/.test(
        before,
      )
    )
      label = `${before} ${label}`;
    if (after && !label.endsWith(after)) label = `${label} ${after}`;
    if (!best || (m.index ?? 0) < best.at) best = { name: label, at: m.index ?? 0 };
  }
  // "the Jira plugin in Confluence": the host is the application, the plugin says where in it.
  const hosted =
    /\b(\p{Lu}[\p{L}\p{N}]+)\s+(plug-?in|add-?in|extension|integration)\s+(?:in|for|on|inside)\s+(\p{Lu}[\p{L}\p{N}]+)/u.exec(
      text,
    );
  if (hosted) return `${hosted[3]} (${hosted[1]} ${hosted[2]!.toLowerCase()})`;
  const addIn = ADD_IN.exec(text);
  if (best && addIn && fold(addIn[1]!) !== fold(best.name))
    return `${best.name} (${addIn[1]} ${addIn[2]!.toLowerCase()})`;
  // "the Zoom add-in disappeared from Outlook": an add-in named after another known app still lives in its host.
  const host = best && addIn ? KNOWN.find(([re, name]) => name && name !== best.name && re.test(text)) : undefined;
  if (host && addIn) return `${host[1]} (${addIn[1]} ${addIn[2]!.toLowerCase()})`;
  // "Trackline login is broken, SSO loops back to the Okta page": the sign-in route is named, the application is the one
  // whose sign-in fails.
  const routed = best && CARRIER.has(best.name) ? SIGN_IN_OF.exec(text) : null;
  const routedName = routed?.[1] ?? routed?.[2];
  if (routedName && !CARRIER.has(routedName) && !KNOWN.some(([re]) => re.test(routedName))) return routedName;
  if (best) return best.name;
  // "could you install Tableau", "access to Looker", "a seat in Miro": a name right after the request.
  const requested =
    /\b(?:install|reinstall|uninstall|update|upgrade|access to|licen[cs]e for|seat (?:in|for|on)|account (?:in|for|on)|log ?in to|sign in to|open|launch|instalar(?:me|nos)?|installer|installare|installarmi)\s+(?:the\s+|el\s+|la\s+|le\s+|il\s+|lo\s+|o\s+)?(?:(?:latest|newest|new|current|old|older|previous)\s+)?(?:version\s+of\s+)?(\p{Lu}[\p{L}\p{N}]+(?:\s\p{Lu}[\p{L}\p{N}]+)?)\b(?!(?:\s+\p{Lu}[\p{L}\p{N}]+)*\s+(?:shared|drive|folder|team|channel|mailbox|inbox|group|distribution|calendar|site|printer|room|building|office|floor))/u.exec(
      text,
    );
  if (requested && !/^(?:The|My|It|This|That|Windows|Mac|MacOS|iOS|Android)$/.test(requested[1]!)) return requested[1]!;
  // "Kunnen jullie Pixelstream Studio op mijn laptop zetten?", "kannst du mir Krita installieren": the verb comes last.
  const installed = INSTALL_AFTER.exec(text);
  if (installed && !NOT_AN_APP.test(installed[1]!)) return installed[1]!;
  const network = NETWORK_NAME.exec(text);
  if (network) return network[1]!;
  const failing = FAILING_SUBJECT.exec(text) ?? FAILING_ELSEWHERE.map((re) => re.exec(text)).find((m) => m) ?? null;
  // "Mein Laptop startet nicht": a possessive or a device is no application.
  if (failing && NOT_AN_APP.test(failing[1]!)) return null;
  if (
    failing &&
    !/^(?:The|My|It|This|That|Windows|Mac|MacOS|iOS|Android|Hi|Hey|Hello|Everything|Nothing|I)\b/.test(failing[1]!)
  )
    return failing[1]!;
  const camel = CAMEL_NAME.exec(text);
  if (camel && !/^(?:iPhone|iPad|MacBook|PowerShell|LinkedIn|YouTube|WhatsApp|WiFi|WLan)$/.test(camel[1]!))
    return camel[1]!;
  const app = /\b(\p{Lu}[\p{L}\p{N}]+)\s+(?:app|client|desktop app|add-?in)\b/u.exec(text);
  if (app && !/^(?:MFA|2FA|SSO|OTP|SMS|VPN|IT|HR|PDF|CSV|API|The|My|This|That)$/.test(app[1]!)) return app[1]!;
  const quoted = /"([\p{Lu}][\p{L}\p{N} ]{1,30})"/u.exec(text);
  if (quoted && /\d|\p{Lu}.*\p{Lu}/u.test(quoted[1]!)) return quoted[1]!.trim();
  // Last, the wider list of business software, however it is typed: "can't share dashboards in looker".
  return listedApplicationIn(text);
}

export type { Turn };
