import { describe, expect, it } from 'vitest';
import { findStatedOption } from '../../../core/predict/offline/membership.js';
import { field, IT_FIELDS, type Line, transcript } from './helpers.js';

const department = field('department', IT_FIELDS);
const departmentOf = (lines: Line[]) => findStatedOption(department, transcript(lines), null)?.value ?? null;

describe('department only when stated', () => {
  it('reads "the rest of <team>" as membership', () => {
    expect(departmentOf([['customer', 'Nik Rao', 'just me I think, the rest of engineering is online']])).toBe(
      'Engineering',
    );
  });

  it('takes the unit a team sits under or is part of', () => {
    expect(departmentOf([['customer', 'Dom Reyes', "we're all in procurement, which sits under Operations"]])).toBe(
      'Operations',
    );
    expect(departmentOf([['customer', 'Dom Reyes', "payroll here, we're part of Finance"]])).toBe('Finance');
    expect(departmentOf([['customer', 'Dom Reyes', 'the report Operations sent us is wrong']])).toBeNull();
  });

  it('takes the team the speaker says is theirs: "Operations (that\'s me)", not the leaver\'s team before it', () => {
    expect(
      departmentOf([
        [
          'customer',
          'Imogen C',
          "Anton Feld in Sales is leaving today, and Operations (that's me 🙂) needs his access cut",
        ],
      ]),
    ).toBe('Operations');
    expect(departmentOf([['customer', 'Imogen C', 'Finance, that is us, needs the new VPN profile']])).toBe('Finance');
  });

  it('does not take another team that is only contrasted', () => {
    expect(
      departmentOf([
        ['customer', 'Laura Chen', 'none of us in finance are getting external email'],
        ['customer', 'Laura Chen', 'sales says theirs is fine'],
      ]),
    ).toBe('Finance');
  });

  it('takes the team named in a short reply to "which team?"', () => {
    expect(
      departmentOf([
        ['customer', 'Grace Ohan', 'we have a new starter next week who needs a laptop'],
        ['agent', 'Ben (IT)', 'Which team is she joining?'],
        ['customer', 'Grace Ohan', 'mine, operations, the logistics side'],
      ]),
    ).toBe('Operations');
  });

  it('reads membership in German', () => {
    expect(departmentOf([['customer', 'Katrin Vogel', 'Ich bin im Vertrieb und habe morgen einen Termin']])).toBe(
      'Sales',
    );
  });

  it('reads the team word before the name, said of oneself', () => {
    expect(departmentOf([['customer', 'Jonas Weber', 'Team Operations, falls das für das Ticket wichtig ist']])).toBe(
      'Operations',
    );
    expect(departmentOf([['customer', 'Eva de Boer', 'ik werk in team Finance, mocht dat uitmaken']])).toBe('Finance');
    expect(departmentOf([['customer', 'Giulia Rossi', "lavoro nell'ufficio vendite da marzo"]])).toBe('Sales');
    // "team sales says …" speaks of another team.
    expect(departmentOf([['customer', 'Eva de Boer', 'team sales says their printer works fine']])).toBeNull();
  });

  it('takes the unit the agent says the requester comes under, once confirmed', () => {
    expect(
      departmentOf([
        ['customer', 'Eva de Boer', 'mijn docking station geeft geen beeld meer'],
        ['agent', 'Bram (IT)', 'Voor de registratie: je valt onder Engineering, klopt dat?'],
        ['customer', 'Eva de Boer', 'ja hoor'],
      ]),
    ).toBe('Engineering');
  });
});

describe("the requester's unit, in more forms", () => {
  it('reads "my team (marketing)" and a sign-off "groetjes van HR"', () => {
    expect(
      departmentOf([
        ['customer', 'Sanne Vos', 'alleen ik volgens mij, bij de rest van mijn team (sales) werkt het wel'],
      ]),
    ).toBe('Sales');
    expect(departmentOf([['customer', 'Sanne Vos', 'gedaan. Dank je, groetjes van Finance 😊']])).toBe('Finance');
  });

  it('reads a role in the unit: "I\'m the new Operations manager"', () => {
    expect(
      departmentOf([
        ['customer', 'Ali Moreno', "Hi, I'm the new Operations manager and the Approve button is greyed out"],
      ]),
    ).toBe('Operations');
  });

  it('takes the unit an agent says the requester is registered in', () => {
    expect(
      departmentOf([
        ['customer', 'Leo Fair', 'Teams freezes whenever I share my screen'],
        ['agent', 'Dmitri (IT)', 'I see LT-06649 is registered to you in Engineering and got a new driver yesterday.'],
      ]),
    ).toBe('Engineering');
  });

  it('takes a longer answer to "which team are you in?" that opens with the team', () => {
    expect(
      departmentOf([
        ['agent', 'Kwame (IT)', 'Which team are you in, so I can load the right software?'],
        ['customer', 'Del March', 'finance, I mostly need Excel and the shared reporting drive on it'],
      ]),
    ).toBe('Finance');
  });

  it('takes the first of two units named together: "the finance ops team" is Finance', () => {
    expect(
      departmentOf([['customer', 'Imo Hart', "it's all 5 of us in the finance ops team, we can't run the rec"]]),
    ).toBe('Finance');
  });
});

describe('department said as "my team is", "which is under", or given when asked to confirm it', () => {
  it('reads "my team is Sales" as membership', () => {
    expect(departmentOf([['customer', 'Nik Rao', 'the CRM export is empty. my team is Sales, if that helps']])).toBe(
      'Sales',
    );
  });

  it('reads a team "which is under Finance" as Finance', () => {
    expect(departmentOf([['customer', 'Nik Rao', "I'm in payroll, which is under Finance these days"]])).toBe(
      'Finance',
    );
  });

  it('takes the unit given when the agent asks to confirm the department', () => {
    expect(
      departmentOf([
        ['customer', 'Nik Rao', 'we have a new analyst starting Tuesday who needs Tableau'],
        ['agent', 'Ana (IT)', 'Sure. Can you confirm her department and the approval?'],
        ['customer', 'Nik Rao', 'Operations, and yes I approve it as her manager'],
      ]),
    ).toBe('Operations');
  });

  it('does not take the unit a form came from', () => {
    expect(
      departmentOf([
        ['customer', 'Nik Rao', 'a new driver starts monday, he needs a tablet login'],
        ['agent', 'Ana (IT)', 'Is the request in the starter form from Finance?'],
        ['customer', 'Nik Rao', 'yes, sent it yesterday'],
      ]),
    ).toBeNull();
  });
});
