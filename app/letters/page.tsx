import type { Metadata } from "next";
import Link from "next/link";
import { letters } from "@/lib/letters/load";
import { formatDate } from "@/lib/site";

export const metadata: Metadata = {
  title: "Past letters",
  description: "Every LumoMate letter so far: one idea from AI each Monday, in plain words.",
  alternates: { canonical: "/letters", types: { "application/rss+xml": "/letters/feed.xml" } },
};

export default function Letters() {
  return (
    <div className="page">
      <header className="page__header">
        <p className="eyebrow">The weekly letter</p>
        <h1>Past letters</h1>
        <p className="dek">
          Every letter so far. <Link href="/newsletter">Get the next one</Link> by e-mail, or follow the <a href="/letters/feed.xml">RSS feed</a>.
        </p>
      </header>
      <ul className="letter-list">
        {letters().map((l) => (
          <li key={l.slug}>
            <time dateTime={l.date}>{formatDate(l.date)}</time>
            <Link href={`/letters/${l.slug}`}>{l.subject}</Link>
            <p>{l.preheader}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
