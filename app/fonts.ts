import localFont from "next/font/local";

// Self-hosted from @fontsource packages: no request leaves our origin. Only the serif's upright face
// (body and headings) is preloaded; its italic and the mono load when first used. UI labels use the
// reader's own system sans (--sans in globals.css): Inter was 49 KB fetched before every first
// paint, for the smallest text on the page, and Lighthouse counted it in every page's FCP and LCP.
// The serif is `optional`, not `swap`: a swap re-paints the page's largest text once the font
// arrives, which on a slow phone made that late re-paint the page's largest contentful paint
// (Lighthouse: LCP 2.5 s against a first paint of 0.9 s). Preloaded, it is in time on any decent
// connection; on a slow first visit the reader gets Georgia for that page and ours from the cache after.
// The italic is declared in globals.css under this family's name ("serif", from the const's name)
// rather than here, because next/font preloads every file of a family: 51 KB more before the first
// paint, for a face no entry page needs (the key takeaway, once italic, is upright now). Lighthouse,
// Deep Learning: performance 91–95 with it preloaded or fetched, 96–97 without.
// e2e/fonts.spec.ts checks the two faces still form one family.
export const serif = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
  ],
  variable: "--font-serif",
  display: "optional",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});

export const mono = localFont({
  src: "../node_modules/@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2",
  weight: "400",
  variable: "--font-mono",
  display: "swap",
  preload: false,
  fallback: ["ui-monospace", "Menlo", "Consolas", "monospace"],
});
