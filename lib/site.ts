/** Public facts about the site, shared by metadata, headers and pages. */
export const site = {
  name: "LumoMate",
  tagline: "AI and machine learning, explained for curious people.",
  description:
    "LumoMate is an interactive glossary that explains artificial intelligence and machine learning in plain language, with live widgets you can play with.",
  url: process.env.SITE_URL ?? "http://127.0.0.1:3000",
} as const;

export const entryPath = (slug: string) => `/glossary/${slug}`;
export const categoryPath = (slug: string) => `/glossary/category/${slug}`;

export function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
