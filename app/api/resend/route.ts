import { clientAddress } from "@/lib/newsletter/clientAddress";
import { env } from "@/lib/newsletter/env";
import { rateLimit, resendConfirmation } from "@/lib/newsletter/service";
import { verifyToken } from "@/lib/newsletter/tokens";
import { withHttpErrors } from "@/lib/http/errors";
import { checkOrigin, readBody } from "@/lib/http/request";
import { redirect } from "@/lib/http/responses";

/** A fresh confirmation mail for the owner of an authentic but expired link (limited per client like signups). */
export const POST = withHttpErrors(async (request) => {
  checkOrigin(request, env().siteUrl);
  const { fields } = await readBody(request);
  const limit = await rateLimit(clientAddress(request, env().trustProxy), "resend");
  if (!limit.ok) {
    return new Response("Too many requests from here. Please wait a minute and try again.", { status: 429, headers: { "Retry-After": String(limit.retryAfter), "content-type": "text/plain; charset=utf-8" } });
  }
  const check = verifyToken(env().secret, fields.token, "confirm");
  const id = check.ok ? check.subscriberId : check.reason === "expired" ? check.subscriberId : undefined;
  if (!id) return redirect("/newsletter/result?error=invalid-link");
  await resendConfirmation(id);
  return redirect("/newsletter/check-inbox");
});
