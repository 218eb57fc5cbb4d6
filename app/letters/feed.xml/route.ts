import { Feed } from "feed";
import { letters } from "@/lib/letters/load";
import { site } from "@/lib/site";

export const dynamic = "force-static";

export function GET(): Response {
  const feed = new Feed({
    title: "The LumoMate letter",
    description: "One idea from AI, explained in plain words, every Monday at 08:00.",
    id: `${site.url}/letters`,
    link: `${site.url}/letters`,
    language: "en",
    copyright: `LumoMate`,
    feedLinks: { rss: `${site.url}/letters/feed.xml` },
  });
  for (const letter of letters()) {
    feed.addItem({ title: letter.subject, id: `${site.url}/letters/${letter.slug}`, link: `${site.url}/letters/${letter.slug}`, description: letter.preheader, date: new Date(`${letter.date}T08:00:00Z`) });
  }
  return new Response(feed.rss2(), { headers: { "content-type": "application/rss+xml; charset=utf-8" } });
}
