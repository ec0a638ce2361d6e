/** Slack's settings from the environment; null when Slack is not configured (the server starts without it). */
export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Web API base URL ending in `/` (Slack's, a proxy, or a local stand-in in tests). */
  apiUrl: string;
}

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig | null {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!botToken || !signingSecret) return null;
  const url = env.SLACK_API_URL?.trim() || DEFAULT_SLACK_API_URL;
  return { botToken, signingSecret, apiUrl: url.endsWith('/') ? url : `${url}/` };
}
