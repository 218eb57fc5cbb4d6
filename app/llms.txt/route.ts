import { glossary } from "@/lib/content/load";
import { llmsTxt } from "@/lib/seo/llms";
import { site } from "@/lib/site";

export const dynamic = "force-static";

export function GET(): Response {
  const text = llmsTxt({ siteUrl: site.url, site, entries: glossary().entries });
  return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
}
