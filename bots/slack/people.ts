import type { webApi } from '@slack/bolt';
import type { Person } from '../../core/types.js';

type WebClient = webApi.WebClient;

interface Cached {
  name: string;
  at: number;
}

const NAME_TTL_MS = 60 * 60 * 1000;
const MAX_CACHED = 5_000;

/**
 * Who a Slack user is: the display name the transcript shows (cached, names change rarely; the cache is only a
 * shortcut, every replica can rebuild it) and whether they administer the workspace (asked every time: rights can be
 * revoked).
 */
export function createDirectory(client: WebClient) {
  const names = new Map<string, Cached>();

  async function userInfo(userId: string) {
    const res = await client.users.info({ user: userId });
    return res.user;
  }

  return {
    async person(userId: string, hint?: string | null): Promise<Person> {
      const cached = names.get(userId);
      if (cached && Date.now() - cached.at < NAME_TTL_MS) return { id: userId, name: cached.name };
      try {
        const user = await userInfo(userId);
        const name =
          user?.profile?.real_name?.trim() ||
          user?.real_name?.trim() ||
          user?.profile?.display_name?.trim() ||
          user?.name?.trim() ||
          hint ||
          userId;
        if (names.size >= MAX_CACHED) names.delete(names.keys().next().value as string);
        names.set(userId, { name, at: Date.now() });
        return { id: userId, name };
      } catch {
        // A name is nice to have; the message still counts without it.
        return { id: userId, name: hint || userId };
      }
    },

    async isWorkspaceAdmin(userId: string): Promise<boolean> {
      const user = await userInfo(userId);
      return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
