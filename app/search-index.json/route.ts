import { siteIndex } from "@/lib/search/server";

// Built once by `next build` and served as a file; the search dialog fetches it when it first opens.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(siteIndex()), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
