import type { Database } from '../../db/connect.js';

export interface SlackAckOptions {
  database: Database;
  log(line: string): void;
  quick: boolean;
}

/** Slack ack latency: filled in once the Slack adapter lands; null means "not measured". */
export async function measureSlackAck(_options: SlackAckOptions): Promise<{ slackAckP99Ms: number | null }> {
  return { slackAckP99Ms: null };
}
