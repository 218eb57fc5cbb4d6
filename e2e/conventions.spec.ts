import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { site } from "../lib/site";
import { glossary, pages } from "./site";

// The web's conventions, checked against the production build. Absolute URLs are baked in at build
// time from SITE_URL (default http://127.0.0.1:3000), the same rule lib/site.ts follows here; we
// request each URL's path from the server under test.
const origin = site.url.replace(/\/+$/, "");
const entryUrl = (slug: string) => `${origin}/glossary/${slug}`;

type Node = { [key: string]: unknown };
type Crumb = { "@type": string; position: number; name: string; item: string };

/** Asks the server under test for an absolute URL of the site, by its path. */
async function fetchSiteUrl(request: APIRequestContext, absolute: string) {
  const url = new URL(absolute);
  expect(url.origin, absolute).toBe(origin);
  return request.get(url.pathname + url.search, { maxRedirects: 0 });
}

// Everything here is in the server's HTML: no need to run the pages' scripts.
test.use({ javaScriptEnabled: false });

type GlossaryEntry = (typeof glossary.entries)[number];

/** An entry's page carries JSON-LD that matches its words, a canonical URL and a 1200×630 social card. */
async function expectEntryConventions(page: Page, request: APIRequestContext, entry: GlossaryEntry) {
  await page.goto(`/glossary/${entry.slug}`, { waitUntil: "domcontentloaded" });
  const url = entryUrl(entry.slug);
  // Everything below is in the server's HTML: read it in one trip, then check it here.
  const html = await page.evaluate(() => {
    const meta = (attr: string, key: string) => document.querySelector(`meta[${attr}="${key}"]`)?.getAttribute("content") ?? null;
    return {
      blocks: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ""),
      h1: [...document.querySelectorAll("h1")].map((h) => h.textContent?.trim()),
      dek: document.querySelector(".dek")?.textContent?.trim() ?? null,
      breadcrumb: [...document.querySelectorAll('nav[aria-label="Breadcrumb"] a')].map((a) => ({ name: a.textContent?.trim() ?? "", item: a.getAttribute("href")! })),
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null,
      ogImage: meta("property", "og:image"),
      twitterImage: meta("name", "twitter:image"),
      twitterCard: meta("name", "twitter:card"),
      width: meta("property", "og:image:width"),
      height: meta("property", "og:image:height"),
    };
  });

  expect(html.blocks.length).toBeGreaterThan(0);
  const nodes: Node[] = html.blocks.flatMap((text) => {
    const data = JSON.parse(text) as Node;
    return (data["@graph"] as Node[] | undefined) ?? [data];
  });
  const term = nodes.find((n) => n["@type"] === "DefinedTerm");
  expect(term).toMatchObject({
    name: entry.title,
    description: entry.definition,
    url,
    inDefinedTermSet: { "@type": "DefinedTermSet", name: expect.stringMatching(/\S/), url: `${origin}/glossary` },
  });
  expect(html.h1).toEqual([entry.title]);
  expect(html.dek).toBe(entry.definition);

  // The BreadcrumbList is the visible breadcrumb, in order, then the entry the page is about.
  const crumbs = nodes.find((n) => n["@type"] === "BreadcrumbList")?.itemListElement as Crumb[];
  expect(crumbs.map((c) => c.position)).toEqual(crumbs.map((_, i) => i + 1));
  expect(html.breadcrumb.length).toBeGreaterThan(0);
  expect(crumbs.slice(0, -1).map((c) => ({ name: c.name, item: c.item }))).toEqual(html.breadcrumb.map((v) => ({ name: v.name, item: `${origin}${v.item}` })));
  expect(crumbs.at(-1)).toMatchObject({ name: entry.title, item: url });

  expect(html.canonical).toBe(url);
  expect(new URL(html.canonical!).protocol).toMatch(/^https?:$/);

  expect(html.ogImage).toBeTruthy();
  expect(html.twitterImage).toBe(html.ogImage);
  expect(html.twitterCard).toBe("summary_large_image");
  expect(html.width).toBe("1200");
  expect(html.height).toBe("630");

  const image = await fetchSiteUrl(request, html.ogImage!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const png = await image.body();
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
}

// Entries in batches: one page and context for twelve, as every-page.spec.ts does (a test of its own
// per entry spent most of its second setting up).
const BATCH = 12;
for (let start = 0; start < glossary.entries.length; start += BATCH) {
  const batch = glossary.entries.slice(start, start + BATCH);
  test(`entries ${start + 1}–${start + batch.length} (${batch[0].slug} …) carry JSON-LD, a canonical URL and their social card`, async ({ page, request }) => {
    for (const entry of batch) await test.step(entry.slug, () => expectEntryConventions(page, request, entry));
  });
}

test("sitemap.xml lists every page, each entry dated by `updated`, and every URL answers 200", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const xml = await response.text();
  const urls = new Map([...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => [body.match(/<loc>(.*?)<\/loc>/)![1], body.match(/<lastmod>(.*?)<\/lastmod>/)?.[1]]));
  for (const entry of glossary.entries) expect(urls.get(entryUrl(entry.slug)), entry.slug).toBe(entry.updated);
  for (const path of [...pages, "/newsletter", "/letters"]) expect(urls.has(`${origin}${path}`), path).toBe(true);
  for (const loc of urls.keys()) expect((await fetchSiteUrl(request, loc)).status(), loc).toBe(200);
});

test("robots.txt allows crawling, keeps out the API, and points at the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/im);
  expect(text).toMatch(/^Allow: \/$/m);
  expect(text).toMatch(/^Disallow: \/api\/$/m);
  expect(text).toContain(`Sitemap: ${origin}/sitemap.xml`);
  expect((await request.get("/sitemap.xml")).status()).toBe(200);
});

test("/glossary.json has every entry with its fields, and its URLs answer 200", async ({ request }) => {
  const response = await request.get("/glossary.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const json = (await response.json()) as {
    name: string;
    url: string;
    terms: { slug: string; title: string; url: string; definition: string; aliases: string[]; category: string[]; related: { slug: string; url: string }[]; updated: string }[];
  };
  expect(json.name).toMatch(/LumoMate/);
  expect(json.url).toBe(`${origin}/glossary`);
  expect(json.terms.map((t) => t.slug).sort()).toEqual(glossary.entries.map((e) => e.slug).sort());
  for (const entry of glossary.entries) {
    const term = json.terms.find((t) => t.slug === entry.slug)!;
    expect(term).toEqual({
      slug: entry.slug,
      title: entry.title,
      url: entryUrl(entry.slug),
      definition: entry.definition,
      aliases: entry.aliases,
      category: entry.category,
      related: entry.related.map((r) => ({ slug: r.slug, url: entryUrl(r.slug) })),
      updated: entry.updated,
    });
    expect((await fetchSiteUrl(request, term.url)).status(), term.url).toBe(200);
  }
  expect((await fetchSiteUrl(request, json.url)).status()).toBe(200);
});

test("/llms.txt introduces the site and lists every entry with its definition", async ({ request }) => {
  const response = await request.get("/llms.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  const lines = text.split("\n");
  expect(lines[0]).toBe("# LumoMate");
  expect(lines.find((l) => l.startsWith("> "))).toBeTruthy();
  expect(lines.filter((l) => l.startsWith("## "))).toEqual(["## Glossary", "## Optional"]);
  for (const entry of glossary.entries) {
    const title = entry.title.replace(/[\\[\]]/g, (c) => `\\${c}`);
    expect(lines, entry.slug).toContain(`- [${title}](${entryUrl(entry.slug)}): ${entry.definition}`);
  }
  const optional = text.slice(text.indexOf("## Optional"));
  for (const path of ["/glossary.json", "/glossary/feed.xml", "/letters/feed.xml"]) {
    expect(optional).toContain(`(${origin}${path})`);
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test("/glossary/feed.xml is RSS 2.0 with an item per entry, newest first, announced on the home page", async ({ page, request }) => {
  const response = await request.get("/glossary/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await response.text();
  expect(xml).toMatch(/<rss version="2\.0"/);
  const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, body]) => ({
    link: body.match(/<link>(.*?)<\/link>/)![1],
    date: Date.parse(body.match(/<pubDate>(.*?)<\/pubDate>/)![1]),
  }));
  expect(items.map((i) => i.link).sort()).toEqual(glossary.entries.map((e) => entryUrl(e.slug)).sort());
  for (let i = 1; i < items.length; i++) expect(items[i].date).toBeLessThanOrEqual(items[i - 1].date);

  await page.goto("/");
  const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute("href");
  expect(href).toBe(`${origin}/glossary/feed.xml`);
});
