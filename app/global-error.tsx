"use client";
// The last resort, when the root layout itself fails: it replaces the whole document, so it brings
// its own <html>, <body> and styles. The styles are inline and self-contained (the palette of
// globals.css, system fonts): whatever broke may have been the app's stylesheet or fonts.
import { useEffect } from "react";

const css = `
:root { --paper: #faf7f2; --ink: #1d1b18; --ink-muted: #5a554e; --rule: #d9d2c6; --accent: #2753a6; --accent-ink: #fff; color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :root { --paper: #17181b; --ink: #ece7df; --ink-muted: #aaa398; --rule: #3a3b40; --accent: #8fb3ff; --accent-ink: #10131a; }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); font-family: Georgia, Cambria, "Times New Roman", serif; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-size: 1.0625rem; line-height: 1.6; min-height: 100vh; }
.ge-header { border-bottom: 1px solid var(--rule); }
.ge-header div { max-width: 72rem; margin: 0 auto; padding: 0.9rem 1.25rem; }
.ge-main { max-width: 44rem; margin: 0 auto; padding: 4rem 1.25rem 0; }
.ge-wordmark { font-weight: 700; font-size: 1.35rem; letter-spacing: -0.02em; color: var(--ink); text-decoration: none; }
.ge-wordmark span { color: var(--accent); }
.ge-eyebrow { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 0.8rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--ink-muted); }
h1 { font-size: clamp(2.2rem, 1.6rem + 3vw, 3.4rem); line-height: 1.2; font-weight: 650; letter-spacing: -0.01em; margin: 0.2em 0 0.3em; }
.ge-dek { font-size: 1.25em; line-height: 1.45; color: var(--ink-muted); margin: 0 0 1.5rem; }
.ge-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 1.5rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.ge-actions button { font: inherit; font-size: 0.95rem; font-weight: 600; background: var(--accent); color: var(--accent-ink); border: 0; border-radius: 0.4rem; padding: 0.7rem 1.2rem; cursor: pointer; }
.ge-actions a { color: var(--accent); text-underline-offset: 0.18em; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; border-radius: 2px; }
`;

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error("[site] failed to render:", error);
  }, [error]);
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · LumoMate</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <style>{css}</style>
      </head>
      <body>
        <header className="ge-header">
          <div>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load, not the client router that may be what broke */}
            <a href="/" className="ge-wordmark">
              Lumo<span>Mate</span>
            </a>
          </div>
        </header>
        <main className="ge-main">
          <p className="ge-eyebrow">Error · This page broke</p>
          <h1>Something went wrong on our side</h1>
          <p className="ge-dek">The page could not be shown. Trying again usually works.</p>
          <p className="ge-actions">
            <button type="button" onClick={reset}>
              Try again
            </button>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load, as above */}
            <a href="/">Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
