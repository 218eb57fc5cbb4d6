import { env } from "@/lib/newsletter/env";
import { confirm } from "@/lib/newsletter/service";
import { verifyToken } from "@/lib/newsletter/tokens";
import { withHttpErrors } from "@/lib/http/errors";
import { checkOrigin, readBody } from "@/lib/http/request";
import { redirect } from "@/lib/http/responses";

/** Only this POST confirms: the link in the mail opens a page with the button that sends it. */
export const POST = withHttpErrors(async (request) => {
  checkOrigin(request, env().siteUrl);
  const { fields } = await readBody(request);
  const token = typeof fields.token === "string" ? fields.token : "";
  const check = verifyToken(env().secret, token, "confirm");
  if (!check.ok) return redirect(`/newsletter/confirm?token=${encodeURIComponent(token.slice(0, 512))}`);
  return redirect((await confirm(check.subscriberId)) ? "/newsletter/confirmed" : "/newsletter/result?error=cancelled");
});
