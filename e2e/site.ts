import { loadGlossary } from "../lib/content/load";

/** Every page a reader can land on, from the same content the site is built from. */
export const glossary = loadGlossary();
export const entrySlugs = glossary.entries.map((e) => e.slug);
export const pages = [
  "/",
  "/glossary",
  ...glossary.categories.map((c) => `/glossary/category/${c.slug}`),
  ...entrySlugs.map((s) => `/glossary/${s}`),
  "/compare",
  "/newsletter",
  "/letters",
];
