import { env } from "@/lib/newsletter/env";
import { leave } from "@/lib/newsletter/service";
import { verifyToken } from "@/lib/newsletter/tokens";
import { withHttpErrors } from "@/lib/http/errors";
import { checkOrigin, readBody } from "@/lib/http/request";
import { redirect } from "@/lib/http/responses";

/**
 * Unsubscribes at once. Mail clients POST here with `List-Unsubscribe=One-Click` (RFC 8058) and the
 * token in the URL; our own page posts its form with the token in the body, and `erase=all` when
 * the reader also asked us to delete everything we hold about them.
 * An authentic token works however old it is: leaving is idempotent and harms nobody, so only
 * a forged or mangled token is refused.
 */
export const POST = withHttpErrors(async (request) => {
  checkOrigin(request, env().siteUrl);
  const { fields } = await readBody(request);
  const oneClick = fields["List-Unsubscribe"] === "One-Click";
  const token = new URL(request.url).searchParams.get("token") ?? (typeof fields.token === "string" ? fields.token : "");
  const check = verifyToken(env().secret, token, "unsubscribe");
  const subscriberId = check.ok ? check.subscriberId : check.reason === "expired" ? check.subscriberId : undefined;
  if (!subscriberId) {
    if (oneClick) return new Response("This unsubscribe link is not valid.", { status: 400 });
    return redirect(`/newsletter/unsubscribe?token=${encodeURIComponent(token.slice(0, 512))}`);
  }
  const eraseAll = fields.erase === "all";
  await leave(subscriberId, { eraseAll });
  if (oneClick) return new Response("You are unsubscribed. No more letters will come.", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  return redirect(eraseAll ? "/newsletter/unsubscribed?erased=1" : "/newsletter/unsubscribed");
});
