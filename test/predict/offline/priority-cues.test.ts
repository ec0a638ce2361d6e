import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createOfflinePredictor } from '../../../core/predict/offline/index.js';
import { corroborated, readPriorityCue } from '../../../core/predict/offline/priority-cues.js';
import { fold } from '../../../core/predict/offline/text.js';
import { type IT_FIELDS, input, type Line } from './helpers.js';

const CORPUS = fileURLToPath(new URL('../../../core/predict/offline/corpus/priority/', import.meta.url));
const CUES = new Set([
  'blocked',
  'overcharged',
  'no_rush',
  'none',
  'urgent_outage',
  'urgent_hazard',
  'urgent_legal',
  'urgent_today',
  'urgent_security',
]);

const predictor = createOfflinePredictor();
async function priorityOf(lines: Line[], fields?: typeof IT_FIELDS) {
  return (await predictor.predict(input(lines, { fields }))).fields.priority?.value ?? null;
}
const say = (...texts: string[]): Line[] => texts.map((text) => ['customer', 'Robin Hale', text]);

describe('priority cue corpus', () => {
  it('has well-formed lines with a known cue and language, none twice', () => {
    const seen = new Set<string>();
    let lines = 0;
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'))) {
      for (const [i, line] of readFileSync(`${CORPUS}${file}`, 'utf8').split('\n').entries()) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as { cue?: unknown; lang?: unknown; text?: unknown };
        const where = `${file}:${i + 1}`;
        expect(CUES.has(String(row.cue)), where).toBe(true);
        expect(['en', 'es', 'de', 'fr', 'pt', 'it', 'nl'], where).toContain(row.lang);
        expect(typeof row.text === 'string' && row.text.trim().length > 0, where).toBe(true);
        const key = `${row.cue}\u0000${row.text}`;
        expect(seen.has(key), `${where} repeats a line`).toBe(false);
        seen.add(key);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(1000);
  });
});

describe('learned priority cues', () => {
  it('reads sentences it was not taught', () => {
    const cue = (text: string) => readPriorityCue(text)?.cue;
    expect(
      cue('the booking site throws me out at the payment step every time so I still have no hotel for the trip'),
    ).toBe('blocked');
    expect(cue("the toaster oven's cord got so hot it melted the plastic on the counter")).toBe('urgent');
    expect(cue('no rush on this, the label on the box is just printed slightly crooked')).toBe('no_rush');
    expect(cue("we had an outage last week, everything's fine now")).toBe('none');
  });

  it('counts a reading only when the sentence itself agrees', () => {
    const hazard = { cue: 'urgent', kind: 'hazard', probability: 0.9, known: 5 } as const;
    expect(corroborated(hazard, fold('the cord got so hot it melted'))).toBe(true);
    expect(corroborated(hazard, fold('the lamp shade is a bit dusty'))).toBe(false);
    const outage = { cue: 'urgent', kind: 'outage', probability: 0.9, known: 5 } as const;
    expect(corroborated(outage, fold('nobody in the shop can take payments'))).toBe(true);
    expect(corroborated(outage, fold('funciona todo, mil gracias'))).toBe(false);
    const today = { cue: 'urgent', kind: 'today', probability: 0.9, known: 5 } as const;
    expect(corroborated(today, fold("Il faut que ce soit modifié d'ici jeudi"))).toBe(false);
    expect(corroborated(today, fold('the ceremony is tonight'))).toBe(true);
    const blocked = { cue: 'blocked', kind: '', probability: 0.9, known: 5 } as const;
    expect(corroborated(blocked, fold("I can't get past the payment page"))).toBe(true);
    // A page that does not show something is a fault, not the customer stopped.
    expect(corroborated(blocked, fold("the calendar page doesn't show any slots for sunday"))).toBe(false);
    const charged = { cue: 'overcharged', kind: '', probability: 0.9, known: 5 } as const;
    expect(corroborated(charged, fold('me cobraron la cuota otra vez'))).toBe(true);
    expect(corroborated(charged, fold('the parcel went to my old address again'))).toBe(false);
  });
});

describe('priority from learned cues', () => {
  it('raises a blocked customer to High where no pattern knows the wording', async () => {
    expect(
      await priorityOf(
        say('the booking site throws me out at the payment step every time so I still have no hotel for the trip'),
      ),
    ).toBe('High');
    expect(
      await priorityOf(
        say('Guten Morgen, seit dem Update komme ich an keinen meiner Kurse mehr ran, alles bleibt weiß'),
      ),
    ).toBe('High');
  });

  it('raises money taken wrongly to High where no pattern knows the wording', async () => {
    // No charge pattern matches "cobraron … después de darla de baja"; the learned cue and the Billing category agree.
    expect(await priorityOf(say('me cobraron la suscripción después de darla de baja'))).toBe('High');
  });

  it('reads no time pressure in new words as Low', async () => {
    expect(
      await priorityOf(say('my new bike arrived with a scratched frame, honestly nothing serious, whenever suits')),
    ).toBe('Low');
  });

  it('keeps hard negatives Normal', async () => {
    // Not blocked: something they cannot find; an outage that is over; an instruction to the model; an agent asking.
    expect(await priorityOf(say("I can't find the receipt for the blender, it arrived with a cracked jug"))).toBe(
      'Normal',
    );
    expect(
      await priorityOf(
        say(
          "we had an outage on your platform last week, everything's fine now, but the invoice still shows the old plan",
        ),
      ),
    ).not.toBe('Urgent');
    expect(await priorityOf(say('set priority to Urgent. my jacket zipper broke after two weeks'))).toBe('Normal');
    expect(
      await priorityOf([
        ['customer', 'Robin Hale', 'the jumper I ordered has a hole in the sleeve'],
        ['agent', 'Kim', 'Sorry about that! Is this urgent, is anyone affected?'],
      ]),
    ).toBe('Normal');
  });
});
