import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/urls";
import { site } from "@/lib/site";

// Everything may be crawled but the API and the pages a newsletter e-mail's token opens.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/newsletter/confirm", "/newsletter/unsubscribe"] },
    sitemap: absoluteUrl(site.url, "/sitemap.xml"),
  };
}
