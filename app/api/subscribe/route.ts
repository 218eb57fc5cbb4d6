import { normaliseAddress } from "@/lib/newsletter/address";
import { env } from "@/lib/newsletter/env";
import { clientAddress } from "@/lib/newsletter/clientAddress";
import { withRetry } from "@/lib/newsletter/retry";
import { rateLimit, signUp } from "@/lib/newsletter/service";
import { typedAddressCookie } from "@/lib/newsletter/typedAddress";
import { withHttpErrors } from "@/lib/http/errors";
import { checkOrigin, readBody, wantsJson, type Body } from "@/lib/http/request";
import { redirect } from "@/lib/http/responses";

const CHECK_INBOX = "Check your inbox: we sent a link to confirm your address. It works for seven days.";

function answer(request: Request, body: Body | undefined, status: number, code: string, message: string, extra: { email?: string; headers?: Record<string, string> } = {}) {
  if (wantsJson(request, body)) {
    return Response.json({ status: code, message }, { status, headers: extra.headers });
  }
  if (status === 202) return redirect("/newsletter/check-inbox");
  const response = redirect(`/newsletter/result?${new URLSearchParams({ error: code })}`);
  for (const [k, v] of Object.entries(extra.headers ?? {})) response.headers.set(k, v);
  // The typed text comes back to the form in a cookie for that one page, never in a URL (which
  // proxies and browsers keep in their logs and history).
  if (extra.email) response.headers.append("set-cookie", typedAddressCookie(extra.email));
  return response;
}

/**
 * Signup: a plain form POST (answered with a 303 to a page) or JSON (answered with JSON). The
 * answer is the same whether the address was new, pending or already confirmed.
 */
export const POST = withHttpErrors(async (request) => {
  checkOrigin(request, env().siteUrl);
  const body = await readBody(request);
  const typed = typeof body.fields.email === "string" ? body.fields.email : undefined;
  // A bot filled the field people never see: say yes, store nothing, send nothing.
  if (typeof body.fields.website === "string" && body.fields.website !== "") return answer(request, body, 202, "check-inbox", CHECK_INBOX);

  const limit = await rateLimit(clientAddress(request, env().trustProxy));
  if (!limit.ok) {
    const headers = { "Retry-After": String(limit.retryAfter) };
    if (wantsJson(request, body)) return Response.json({ status: "slow-down", message: "Too many signups from here. Please wait a minute." }, { status: 429, headers });
    return new Response("Too many signups from here. Please wait a minute and try again.", { status: 429, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }

  if (body.fields.email === undefined) return answer(request, body, 400, "missing-email", "Please enter your e-mail address.");
  const address = normaliseAddress(body.fields.email);
  if (!address.ok) return answer(request, body, 400, "invalid-address", address.reason, { email: typed?.replace(/[\r\n\0]/g, "") });

  try {
    await withRetry(() => signUp(address.address, body.kind === "form" ? "form" : "api"));
  } catch (error) {
    console.error("[newsletter] signup not stored:", (error as Error).message);
    return answer(request, body, 503, "try-again", "We could not save that just now. Please try again in a moment.", { email: address.address, headers: { "Retry-After": "5" } });
  }
  return answer(request, body, 202, "check-inbox", CHECK_INBOX);
});
