import { env } from "@/lib/newsletter/env";
import { checkOrigin, HttpError, readBody, redirect } from "@/lib/newsletter/http";
import { resendConfirmation } from "@/lib/newsletter/service";
import { verifyToken } from "@/lib/newsletter/tokens";

/** A fresh confirmation mail for the owner of an authentic but expired link (throttled like signups). */
export async function POST(request: Request): Promise<Response> {
  try {
    checkOrigin(request, env().siteUrl);
    const { fields } = await readBody(request);
    const check = verifyToken(env().secret, fields.token, "confirm");
    const id = check.ok ? check.subscriberId : check.reason === "expired" ? check.subscriberId : undefined;
    if (!id) return redirect("/newsletter/result?error=invalid-link");
    await resendConfirmation(id);
    return redirect("/newsletter/check-inbox");
  } catch (error) {
    if (error instanceof HttpError) return Response.json({ status: error.code, message: error.message }, { status: error.status });
    throw error;
  }
}
