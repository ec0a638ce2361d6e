import express, { type RequestHandler } from 'express';
import { z } from 'zod';

const str = z.string().optional();
const obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape).optional();

/**
 * The shape of the activity fields autocase reads (see TeamsActivity): each may be missing, but when present it has
 * the type Teams sends. Anything else is a malformed request, answered 400 before any handler could trip on it (a
 * 500 would make the Bot Connector retry a payload that can never succeed).
 */
const activityShape = z.looseObject({
  type: z.string(),
  name: str,
  id: str,
  text: str,
  textFormat: str,
  // Replies go there: it must be a URL (in production the SDK also checks it against the token).
  serviceUrl: z.url({ protocol: /^https?$/ }).optional(),
  timestamp: str,
  replyToId: str,
  from: obj({ id: str, name: str, aadObjectId: str, role: str }),
  recipient: obj({ id: str, name: str }),
  conversation: obj({ id: str, tenantId: str, conversationType: str, isGroup: z.boolean().optional() }),
  channelData: obj({
    tenant: obj({ id: str }),
    team: obj({ id: str, name: str, aadGroupId: str }),
    channel: obj({ id: str, name: str }),
    eventType: str,
  }),
  entities: z.array(z.looseObject({ type: str, text: str, mentioned: obj({ id: str, name: str }) })).optional(),
  attachments: z.array(z.looseObject({ contentType: str, name: str })).optional(),
});

/** Parses the JSON body (the SDK's own parser then leaves it alone) and refuses a malformed activity with 400. */
export function validateActivity(): RequestHandler[] {
  return [
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      if (!activityShape.safeParse(req.body).success) {
        res.status(400).json({ error: 'bad request' });
        return;
      }
      next();
    },
  ];
}
