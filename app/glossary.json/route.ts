import { glossary } from "@/lib/content/load";
import { glossaryJson } from "@/lib/seo/glossary-json";
import { site } from "@/lib/site";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(glossaryJson({ siteUrl: site.url, siteName: site.name, entries: glossary().entries }));
}
