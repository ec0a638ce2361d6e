import { DomainError } from '../errors.js';
import type { CaseStore } from '../ports.js';
import type { Predictor } from '../predict/port.js';
import type { FieldDefinition, Person, TenantSettings } from '../types.js';
import { type AdminCommand, parseAdminCommand, type SettingKey } from './command.js';
import { fieldsToYaml, parseFieldsYaml } from './fields-yaml.js';
import type { AdminResult } from './result.js';
import { readSetting } from './settings.js';
import { type SimulationReport, simulateTenant } from './simulate.js';

export interface AdminDeps {
  store: CaseStore;
  predictor: Predictor;
  /** Replaces the eval run of `simulate` (tests, or a platform that runs it in the background). */
  simulate?: (tenantId: string, limit: number | null) => Promise<SimulationReport>;
}

export interface AdminRequest {
  tenantId: string;
  actor: Person;
  /** The command text after `/autocase` or `@autocase`, or an already parsed command. */
  command: string | AdminCommand;
  /** The platform's answer: workspace admin/owner, tenant admin, or listed in AUTOCASE_ADMINS. Lazy: asked once. */
  isAdmin: boolean | (() => Promise<boolean>);
  /** How a user id reads in this chat, e.g. Slack `<@U123>`. */
  formatUser?: (id: string) => string;
  /** Word that starts a command in this chat, for the help text, e.g. `/autocase` or `@autocase`. */
  prefix?: string;
}

export const NOT_ADMIN_MESSAGE =
  'Only workspace admins and autocase admins can use autocase admin commands. Ask an admin to run it, or to add you to AUTOCASE_ADMINS.';

/** An admin is a platform admin/owner or a user listed in AUTOCASE_ADMINS. */
export function isConfiguredAdmin(userId: string, configuredAdmins: readonly string[]): boolean {
  return configuredAdmins.includes(userId);
}

export function helpLines(prefix = '/autocase'): string[] {
  return [
    `\`${prefix} fields\` — list the case fields`,
    `\`${prefix} fields edit\` — add, edit, remove and reorder fields (options, required, AI-managed, hints)`,
    `\`${prefix} settings\` — show the settings`,
    `\`${prefix} settings protectManualEdits on|off\` — when on, the AI never overwrites a value a person typed`,
    `\`${prefix} settings confidenceThreshold 0.35\` — predictions below it count as unknown (0–1)`,
    `\`${prefix} settings phoneRegion US\` — country for national phone numbers (ISO code)`,
    `\`${prefix} agents\` / \`${prefix} agents add @user\` / \`${prefix} agents remove @user\` — support agents`,
    `\`${prefix} simulate [n]\` — re-predict the last n closed conversations and compare with their cases`,
    `\`${prefix} help\` — this list`,
  ];
}

/** Checks rights, runs one admin command against the tenant's store and says what happened. Never throws for input. */
export async function runAdminCommand(deps: AdminDeps, request: AdminRequest): Promise<AdminResult> {
  const command = typeof request.command === 'string' ? parseAdminCommand(request.command) : request.command;
  const admin = typeof request.isAdmin === 'function' ? await request.isAdmin() : request.isAdmin;
  if (!admin) return { kind: 'refused', message: NOT_ADMIN_MESSAGE };
  const { store } = deps;
  const { tenantId } = request;
  const user = request.formatUser ?? ((id: string) => id);
  const prefix = request.prefix ?? '/autocase';

  try {
    switch (command.kind) {
      case 'invalid':
        return { kind: 'error', message: command.message };
      case 'help':
        return { kind: 'message', title: 'autocase admin commands', lines: helpLines(prefix) };
      case 'fields.list':
        return fieldListResult(await store.getFields(tenantId), prefix);
      case 'fields.edit': {
        // The editor saves the whole list: it must start from what is stored, not from a replica's cached copy.
        const fields = await store.getFields(tenantId, { fresh: true });
        return { kind: 'open-field-editor', yaml: fieldsToYaml(fields), fieldCount: fields.length };
      }
      case 'fields.set': {
        const fields = parseFieldsYaml(command.yaml);
        await store.setFields(tenantId, fields);
        return { ...fieldListResult(fields, prefix), title: `Saved ${fields.length} fields.`, changed: true };
      }
      case 'settings.show':
        return settingsResult(await store.getSettings(tenantId), 'Settings', user);
      case 'settings.set': {
        const patch = readSetting(command.key, command.value);
        if (!patch.ok) return { kind: 'error', message: patch.message };
        const settings = await store.updateSettings(tenantId, patch.patch);
        return {
          ...settingsResult(settings, `Saved: ${command.key} is now ${show(command.key, settings)}.`, user),
          changed: true,
        };
      }
      case 'agents.list': {
        const { agents } = await store.getSettings(tenantId);
        return agentsResult(
          agents,
          agents.length ? 'Support agents' : 'No support agents configured yet.',
          user,
          prefix,
        );
      }
      case 'agents.add': {
        const { settings: saved } = await store.changeAgents(tenantId, { add: command.users });
        return {
          ...agentsResult(saved.agents, `Added ${command.users.map(user).join(', ')}.`, user, prefix),
          changed: true,
        };
      }
      case 'agents.remove': {
        const { before, settings: saved } = await store.changeAgents(tenantId, { remove: command.users });
        const unknown = command.users.filter((u) => !before.includes(u));
        const title =
          unknown.length === command.users.length
            ? `${command.users.map(user).join(', ')} ${command.users.length === 1 ? 'is' : 'are'} not an agent.`
            : `Removed ${command.users
                .filter((u) => !unknown.includes(u))
                .map(user)
                .join(', ')}.`;
        return { ...agentsResult(saved.agents, title, user, prefix), changed: unknown.length < command.users.length };
      }
      case 'simulate': {
        const report = deps.simulate
          ? await deps.simulate(tenantId, command.limit)
          : await simulateTenant({ store, predictor: deps.predictor }, tenantId, { limit: command.limit });
        return simulationResult(report);
      }
    }
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'error', message: error.message };
    throw error;
  }
}

/** Saves the field editor's YAML (Slack modal, Teams form, playground): validated first, nothing written on error. */
export async function saveFieldsYaml(
  store: CaseStore,
  tenantId: string,
  yaml: string,
): Promise<{ ok: true; fields: FieldDefinition[] } | { ok: false; message: string }> {
  try {
    const fields = parseFieldsYaml(yaml);
    await store.setFields(tenantId, fields);
    return { ok: true, fields };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message };
    throw error;
  }
}

export function fieldListResult(fields: FieldDefinition[], prefix = '/autocase'): AdminResult & { kind: 'message' } {
  return {
    kind: 'message',
    title: `Case fields (${fields.length})`,
    lines: [`Edit them with \`${prefix} fields edit\`.`],
    table: {
      columns: ['#', 'key', 'label', 'type', 'required', 'AI', 'options'],
      rows: fields.map((f, i) => [
        String(i + 1),
        f.key,
        f.label,
        f.type,
        f.required ? 'yes' : 'no',
        f.aiManaged ? 'yes' : 'no',
        f.options ? f.options.map((o) => o.value).join(', ') : '',
      ]),
    },
  };
}

function show(key: SettingKey, s: TenantSettings): string {
  if (key === 'protectManualEdits') return s.protectManualEdits ? 'on' : 'off';
  return String(s[key]);
}

function settingsResult(
  s: TenantSettings,
  title: string,
  user: (id: string) => string,
): AdminResult & { kind: 'message' } {
  return {
    kind: 'message',
    title,
    lines: [
      `protectManualEdits: ${show('protectManualEdits', s)} — ${s.protectManualEdits ? 'the AI never overwrites a value a person typed' : 'Update from conversation may overwrite values a person typed'}`,
      `confidenceThreshold: ${s.confidenceThreshold} — predictions below it count as unknown`,
      `phoneRegion: ${s.phoneRegion} — country for national phone numbers`,
      `agents: ${s.agents.length ? s.agents.map(user).join(', ') : 'none'}`,
    ],
  };
}

function agentsResult(
  agents: string[],
  title: string,
  user: (id: string) => string,
  prefix: string,
): AdminResult & { kind: 'message' } {
  return {
    kind: 'message',
    title,
    lines: agents.length
      ? [`Agents: ${agents.map(user).join(', ')}`]
      : [
          `Add one with \`${prefix} agents add @user\`. The agent who accepts a conversation counts as its agent anyway.`,
        ],
  };
}

const pct = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

export function simulationResult(report: SimulationReport): AdminResult & { kind: 'message' } {
  if (report.conversations === 0) {
    return {
      kind: 'message',
      title: 'Simulation: nothing to compare yet',
      lines: [
        `No closed conversation with a case was found${report.skipped ? ` (${report.skipped} closed without a case or unreadable)` : ''}. Close a few conversations and run it again.`,
      ],
    };
  }
  const lines = [
    `Predictor ${report.predictor}, ${report.conversations} closed conversation${report.conversations === 1 ? '' : 's'}${report.skipped ? ` (${report.skipped} skipped: no case)` : ''}; labels are the closed cases' final values.`,
    `Field accuracy ${pct(report.fieldAccuracy)} · hallucination rate ${pct(report.hallucinationRate)} · creation decision at end ${pct(report.decisionAccuracyEnd)}`,
  ];
  for (const m of report.misses) lines.push(`Miss: ${m.field} expected "${m.expected}", got "${m.got}"`);
  return {
    kind: 'message',
    title: 'Simulation: accuracy on closed conversations',
    lines,
    table: {
      columns: ['field', 'labelled', 'right', 'accuracy', 'abstained', 'hallucinated'],
      rows: report.fields.map((f) => [
        f.judgedOn === 'filled' ? `${f.key} (filled)` : f.key,
        String(f.labelled),
        String(f.right),
        pct(f.labelled ? f.right / f.labelled : null),
        String(f.abstained),
        `${f.hallucinated}/${f.unlabelled}`,
      ]),
    },
  };
}
