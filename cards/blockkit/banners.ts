import type { Banner } from '../../core/view.js';
import { bannerEmoji, bannerText } from '../text.js';
import { fitMrkdwn, LIMITS } from './limits.js';
import { type Block, mrkdwn } from './types.js';

export const MAX_BANNERS = 5;

/** One section per banner, its tone carried by an emoji (Slack has no coloured containers). */
export function renderBanners(banners: Banner[]): Block[] {
  const seen = new Map<string, number>();
  return banners.slice(0, MAX_BANNERS).map((banner) => {
    const n = seen.get(banner.kind) ?? 0;
    seen.set(banner.kind, n + 1);
    const prefix = `${bannerEmoji(banner)} *`;
    return {
      type: 'section',
      block_id: n === 0 ? `banner_${banner.kind}` : `banner_${banner.kind}_${n}`,
      text: mrkdwn(`${prefix}${fitMrkdwn(bannerText(banner), LIMITS.sectionText - prefix.length - 1)}*`),
    };
  });
}
