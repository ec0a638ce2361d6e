/**
 * The admin command language shared by Slack (`/autocase …`) and Teams (`@autocase …`): plain words in, a typed
 * command out. Parsing never throws; what it cannot read becomes an `invalid` command with the reason.
 */

export type SettingKey = 'protectManualEdits' | 'confidenceThreshold' | 'phoneRegion';

export type AdminCommand =
  | { kind: 'help' }
  | { kind: 'fields.list' }
  | { kind: 'fields.edit' }
  /** The field list as YAML in the command text itself (for chats without modals). */
  | { kind: 'fields.set'; yaml: string }
  | { kind: 'settings.show' }
  | { kind: 'settings.set'; key: SettingKey; value: string }
  | { kind: 'agents.list' }
  | { kind: 'agents.add'; users: string[] }
  | { kind: 'agents.remove'; users: string[] }
  | { kind: 'simulate'; limit: number | null }
  | { kind: 'invalid'; message: string };

export const SETTING_ALIASES: Record<string, SettingKey> = {
  protectmanualedits: 'protectManualEdits',
  protect: 'protectManualEdits',
  confidencethreshold: 'confidenceThreshold',
  threshold: 'confidenceThreshold',
  confidence: 'confidenceThreshold',
  phoneregion: 'phoneRegion',
  region: 'phoneRegion',
};

export interface ParseOptions {
  /**
   * Turns a user token of the command text into a platform user id, or null when it is not a user. The default reads
   * Slack mentions (`<@U123>`, `<@U123|name>`), `@U123` and bare Slack ids; Teams passes its mention entities.
   */
  resolveUser?: (token: string) => string | null;
}

/** Slack user mentions and ids: `<@U123ABC>`, `<@U123ABC|dana>`, `@U123ABC`, `U123ABC`/`W123ABC`. */
export function slackUserToken(token: string): string | null {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token);
  if (mention) return mention[1]!;
  const bare = /^@?([UW][A-Z0-9]{2,})$/.exec(token);
  return bare ? bare[1]! : null;
}

const MAX_SIMULATE = 500;

export function parseAdminCommand(text: unknown, options: ParseOptions = {}): AdminCommand {
  const raw = typeof text === 'string' ? text.trim() : '';
  if (raw === '') return { kind: 'help' };
  const [head = '', ...rest] = raw.split(/\s+/);
  const word = head.toLowerCase();
  const args = rest;
  const resolveUser = options.resolveUser ?? slackUserToken;

  switch (word) {
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'fields':
    case 'field': {
      const sub = (args[0] ?? '').toLowerCase();
      if (sub === '' || sub === 'list' || sub === 'show') return { kind: 'fields.list' };
      if (sub === 'edit') return { kind: 'fields.edit' };
      if (sub === 'set') {
        // Everything after "fields set" verbatim, line breaks included: YAML is whitespace-sensitive.
        const yaml = raw.replace(/^\S+\s+\S+[ \t]*\n?/, '');
        if (yaml.trim() === '') return { kind: 'invalid', message: 'Usage: fields set <the field list as YAML>' };
        return { kind: 'fields.set', yaml };
      }
      return { kind: 'invalid', message: `Unknown fields command "${args[0]}". Try: fields, fields edit` };
    }
    case 'settings':
    case 'setting': {
      if (args.length === 0 || args[0]?.toLowerCase() === 'show') return { kind: 'settings.show' };
      // `name value`, `name=value`, `name: value` and `name = value` all mean the same.
      const [name = '', ...inline] = args.join(' ').split(/\s*[=:]\s*|\s+/);
      const key = SETTING_ALIASES[name.toLowerCase()];
      if (!key) {
        return {
          kind: 'invalid',
          message: `Unknown setting "${name}". Settings: protectManualEdits, confidenceThreshold, phoneRegion`,
        };
      }
      const value = inline.join(' ').trim();
      if (value === '') return { kind: 'invalid', message: `Usage: settings ${key} <value>` };
      return { kind: 'settings.set', key, value };
    }
    case 'agents':
    case 'agent': {
      const sub = (args[0] ?? '').toLowerCase();
      if (sub === '' || sub === 'list') return { kind: 'agents.list' };
      if (sub !== 'add' && sub !== 'remove' && sub !== 'rm' && sub !== 'delete') {
        return { kind: 'invalid', message: `Unknown agents command "${args[0]}". Try: agents add @user` };
      }
      const tokens = args.slice(1);
      if (tokens.length === 0) return { kind: 'invalid', message: `Usage: agents ${sub} @user [@user…]` };
      const users: string[] = [];
      for (const token of tokens) {
        const id = resolveUser(token);
        if (!id) return { kind: 'invalid', message: `"${token}" is not a user: mention them, e.g. @dana` };
        if (!users.includes(id)) users.push(id);
      }
      return sub === 'add' ? { kind: 'agents.add', users } : { kind: 'agents.remove', users };
    }
    case 'simulate':
    case 'eval': {
      if (args.length === 0) return { kind: 'simulate', limit: null };
      const n = Number(args[0]);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SIMULATE) {
        return { kind: 'invalid', message: `Usage: simulate [number of conversations, 1–${MAX_SIMULATE}]` };
      }
      return { kind: 'simulate', limit: n };
    }
    default:
      return { kind: 'invalid', message: `Unknown command "${head}". Try: help` };
  }
}
