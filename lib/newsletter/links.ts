import { signToken } from "./tokens";

export type LinkContext = { siteUrl: string; secret: string; unsubscribeMailbox: string };

export function confirmUrl(ctx: LinkContext, subscriberId: string, now = Date.now()): string {
  return `${ctx.siteUrl}/newsletter/confirm?token=${signToken(ctx.secret, subscriberId, "confirm", now)}`;
}

/** The page with one "Unsubscribe" button (a GET never changes anything). */
export function unsubscribePageUrl(ctx: LinkContext, subscriberId: string, now = Date.now()): string {
  return `${ctx.siteUrl}/newsletter/unsubscribe?token=${signToken(ctx.secret, subscriberId, "unsubscribe", now)}`;
}

/** RFC 2369 + RFC 8058 headers: mail clients offer one-click unsubscribe by POSTing to the URL. */
export function unsubscribeHeaders(ctx: LinkContext, subscriberId: string, now = Date.now()): Record<string, string> {
  const token = signToken(ctx.secret, subscriberId, "unsubscribe", now);
  return {
    "List-Unsubscribe": `<${ctx.siteUrl}/api/unsubscribe?token=${token}>, <mailto:${ctx.unsubscribeMailbox}?subject=unsubscribe%20${token}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
