import { HttpError, readBody } from "@/lib/newsletter/http";

/**
 * A route that does nothing, for `npm run bench:subscribe`: the ceiling a signup is measured
 * against is this same server answering the same request with no database behind it.
 *
 * It is off unless LUMOMATE_BENCH_ROUTES=1 (only the bench sets it), and answers 404 otherwise, the
 * same as a path that does not exist. A deployed site must not carry a POST endpoint that accepts
 * bodies with no rate limit and no purpose: it would be free, unmetered CPU for anyone who finds
 * it. The flag is read per request, not at build time, so one build serves both and the bench
 * measures the very build that is deployed.
 */
export const dynamic = "force-dynamic";

const enabled = () => process.env.LUMOMATE_BENCH_ROUTES === "1";

export async function POST(request: Request): Promise<Response> {
  if (!enabled()) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  try {
    // Read and parse the body exactly as the signup route does, so only the signup's own work differs.
    await readBody(request);
  } catch (error) {
    if (error instanceof HttpError) return Response.json({ status: error.code, message: error.message }, { status: error.status });
    throw error;
  }
  return Response.json({ status: "ok" }, { status: 202 });
}
