import localFont from "next/font/local";

// Self-hosted from @fontsource packages: no request leaves our origin. Only the serif (body and
// headings) is preloaded — two files, upright and italic; the UI sans and the mono swap in later.
// The serif is `optional`, not `swap`: a swap re-paints the page's largest text once the font
// arrives, which on a slow phone made that late re-paint the page's largest contentful paint
// (Lighthouse: LCP 2.5 s against a first paint of 0.9 s). Preloaded, it is in time on any decent
// connection; on a slow first visit the reader gets Georgia for that page and ours from the cache after.
export const serif = localFont({
  src: [
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2", style: "normal", weight: "200 900" },
    { path: "../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2", style: "italic", weight: "200 900" },
  ],
  variable: "--font-serif",
  display: "optional",
  fallback: ["Georgia", "Cambria", "Times New Roman", "serif"],
});

export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  variable: "--font-sans",
  display: "swap",
  preload: false,
  fallback: ["system-ui", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"],
});

export const mono = localFont({
  src: "../node_modules/@fontsource/jetbrains-mono/files/jetbrains-mono-latin-400-normal.woff2",
  weight: "400",
  variable: "--font-mono",
  display: "swap",
  preload: false,
  fallback: ["ui-monospace", "Menlo", "Consolas", "monospace"],
});
