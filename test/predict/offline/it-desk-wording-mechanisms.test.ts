import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findConcepts } from '../../../core/predict/offline/concepts.js';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { fold } from '../../../core/predict/offline/text.js';
import { input } from './helpers.js';

const IT = JSON.parse(readFileSync(new URL('../../fixtures/eval/fields/it-helpdesk.json', import.meta.url), 'utf8'));
const predictor = createOfflinePredictor();
const fields = async (text: string) =>
  (await predictor.predict(input([['customer', 'Robin Hale', text]], { fields: IT }))).fields;
const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);

describe('IT desk wording in other languages', () => {
  it('reads the department from "soy de …", "je suis aux …" and "equipo de …"', async () => {
    expect((await fields('soy de contabilidad y no puedo abrir SAP desde esta mañana')).department?.value).toBe(
      'Finance',
    );
    expect((await fields("je suis aux RH, je n'ai plus accès à Workday")).department?.value).toBe('HR');
    expect((await fields('todo el equipo de ventas (12 personas) sin VPN')).department?.value).toBe('Sales');
    expect((await fields('soy de Madrid y no puedo abrir SAP')).department?.value ?? null).toBe(null);
  });

  it('reads an application that will not open, and SAP by name', async () => {
    const f = await fields('soy de contabilidad y no puedo abrir SAP desde esta mañana');
    expect(f.category?.value).toBe('Software');
    expect(f.application?.value).toBe('SAP');
    expect(concepts('no puedo abrir la caja, la tapa está pegada')).not.toContain('software_fault');
    expect(concepts('no puedo ir a la oficina hoy')).not.toContain('software_fault');
  });

  it('reads an intranet that cannot be reached as a network problem', async () => {
    expect((await fields("about 30 of us can't reach the intranet")).category?.value).toBe('Network & VPN');
    expect(concepts("I can't reach my manager today")).not.toContain('network');
  });

  it('reads "auf den Drucker zugreifen" as about the printer, "auf meinem Laptop" as only where', () => {
    expect(concepts('das ganze Team kann nicht auf den Drucker zugreifen')).toContain('hardware');
    expect(concepts('könnt ihr Slack auf meinem Laptop installieren?')).not.toContain('hardware');
  });
});

describe('calendars and expired passwords in other languages', () => {
  it('reads calendrier / invitations and an expired Passwort', async () => {
    expect((await fields('je ne reçois plus les invitations de réunion dans mon calendrier')).category?.value).toBe(
      'Email & calendar',
    );
    expect((await fields('mein Passwort ist abgelaufen')).category?.value).toBe('Access & permissions');
    expect(concepts('das Angebot ist abgelaufen')).not.toContain('login');
  });
});

describe('sign-ins that are not the user’s', () => {
  it('reads someone logging in from another country as compromised, in the other languages too', async () => {
    expect((await fields('i think someone is logging into my account from another country')).category?.value).toBe(
      'Security incident',
    );
    expect(concepts('alguien está entrando a mi cuenta desde otro país')).toContain('compromised');
    expect(concepts("quelqu'un se connecte à mon compte")).toContain('compromised');
    expect(concepts('I am logging in from another country next week, will MFA work?')).not.toContain('compromised');
  });
});

describe('IT-desk wording in more languages', () => {
  const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);

  it('reads a lost work phone in Portuguese, Spanish, French and German, not a lost invoice', () => {
    expect(concepts('perdi o telemóvel do trabalho no metro')).toContain('lost_device');
    expect(concepts('me robaron el portátil en la estación')).toContain('lost_device');
    expect(concepts("on m'a volé mon ordinateur dans le train")).toContain('lost_device');
    expect(concepts('ich habe mein Firmenhandy gestern verloren')).toContain('lost_device');
    expect(concepts('he perdido la factura del móvil')).not.toContain('lost_device');
  });

  it('reads putting an app on a laptop as an install', () => {
    expect(concepts('kunnen jullie Figma op mijn laptop zetten')).toContain('install');
  });

  it('reads content an app will not load as a software fault', () => {
    expect(concepts('mijn facturen laden niet in de app')).toContain('software_fault');
    expect(concepts('los billetes no cargan en la app')).toContain('software_fault');
  });
});

describe('sharing a screen', () => {
  it('is a feature of the meeting app, not the display', () => {
    const concepts = (text: string) => findConcepts(fold(text)).map((h) => h.id);
    expect(concepts("Teams won't share my screen since the update")).toContain('software_fault');
    expect(concepts("Teams won't share my screen since the update")).not.toContain('hardware');
    expect(concepts('the screen on my laptop has a dead line')).toContain('hardware');
  });
});

describe("another app's button inside the mail app", () => {
  it('is an add-in, so the mail app is only where it lives', () => {
    expect(concepts('the zoom button disappeared from outlook after the updates')).not.toContain('mail');
    expect(concepts('the send button in outlook is greyed out')).toContain('mail');
  });
});

describe('a printer showing offline', () => {
  it('is the printer on the board, not the network', () => {
    expect(
      concepts('the staff room printer at Lincoln is saying offline again, asset sticker says PR-0417'),
    ).not.toContain('network');
    expect(concepts('my laptop keeps going offline')).toContain('network');
  });
});
