import { store } from "@/lib/newsletter/db";
import { env } from "@/lib/newsletter/env";
import { checkOrigin, HttpError, readBody, redirect } from "@/lib/newsletter/http";
import { confirmSubscriber } from "@/lib/newsletter/subscriptions";
import { verifyToken } from "@/lib/newsletter/tokens";

/** Only this POST confirms: the link in the mail opens a page with the button that sends it. */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request, env().siteUrl);
    const { fields } = await readBody(request);
    const token = typeof fields.token === "string" ? fields.token : "";
    const check = verifyToken(env().secret, token, "confirm");
    if (!check.ok) return redirect(`/newsletter/confirm?token=${encodeURIComponent(token.slice(0, 512))}`);
    const confirmed = await confirmSubscriber((await store()).db, check.subscriberId, Date.now(), env().secret);
    return redirect(confirmed ? "/newsletter/confirmed" : "/newsletter/result?error=cancelled");
  } catch (error) {
    if (error instanceof HttpError) return Response.json({ status: error.code, message: error.message }, { status: error.status });
    throw error;
  }
}
