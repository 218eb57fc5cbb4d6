import { withHttpErrors } from "@/lib/http/errors";
import { readBody } from "@/lib/http/request";

/**
 * A route that does nothing, for `npm run bench:subscribe`: the ceiling a signup is measured
 * against is this same server answering the same request with no database behind it.
 *
 * It exists only in the bench's own build (`.next-bench/`, built with LUMOMATE_BENCH_BUILD=1, which
 * adds ".bench.ts" to the page extensions): a deployed site must not carry a POST endpoint that
 * accepts bodies with no rate limit and no purpose.
 */
export const dynamic = "force-dynamic";

export const POST = withHttpErrors(async (request) => {
  // Read and parse the body exactly as the signup route does, so only the signup's own work differs.
  await readBody(request);
  return Response.json({ status: "ok" }, { status: 202 });
});
