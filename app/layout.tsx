import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SearchButton } from "@/components/search/SearchButton";
import { site } from "@/lib/site";
import { mono, serif } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(site.url),
  title: { default: `${site.name} — ${site.tagline}`, template: `%s · ${site.name}` },
  description: site.description,
  openGraph: { siteName: site.name, type: "website" },
  alternates: { types: { "application/rss+xml": [{ url: "/glossary/feed.xml", title: `${site.name} glossary: new and updated entries` }] } },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#17181b" },
  ],
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${mono.variable}`}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="wordmark">
              Lumo<span>Mate</span>
            </Link>
            <nav aria-label="Site">
              <ul>
                <li>
                  <Link href="/glossary">Glossary</Link>
                </li>
                <li>
                  <Link href="/newsletter">Letter</Link>
                </li>
              </ul>
            </nav>
            <SearchButton />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              <strong>{site.name}</strong> — {site.tagline}
            </p>
            <p>No ads, no tracking, no third-party requests. Written by people, for people.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
