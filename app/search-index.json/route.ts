import { siteIndex } from "@/lib/search/server";

// Written by `prebuild` (scripts/generate-content-index.ts), served as a file; the search dialog fetches it when it first opens.
export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(await siteIndex()), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
