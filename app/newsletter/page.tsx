import type { Metadata } from "next";
import { sendTimeLabel } from "@/lib/newsletter/zone";
import Link from "next/link";
import { SignupForm } from "@/components/newsletter/SignupForm";
import { letters } from "@/lib/letters/load";

export const metadata: Metadata = {
  title: "The weekly letter",
  description: "One short letter every Monday at 08:00 that explains one idea from AI in plain words. No ads, no tracking pixels, one-click unsubscribe.",
  alternates: { canonical: "/newsletter" },
};

export default function NewsletterPage() {
  const latest = letters().slice(0, 3);
  return (
    <div className="page">
      <header className="page__header">
        <p className="eyebrow">{sendTimeLabel()} — every week</p>
        <h1>The LumoMate letter</h1>
        <p className="dek">One idea from AI, explained in a short letter you can read with your first coffee of the week.</p>
      </header>
      <p>
        Each {sendTimeLabel()}, we send one letter of about five hundred words. It takes one idea — what &ldquo;deep&rdquo; means, how a
        network learns, why chatbots make things up — and explains it in plain words, with links to the glossary entries where you can play
        with it.
      </p>
      <h2>Our promise</h2>
      <ul>
        <li>One letter a week, {sendTimeLabel()}. Nothing else.</li>
        <li>No ads, no tracking pixels, no click-counting links: every link goes straight to our pages.</li>
        <li>One-click unsubscribe in every letter. We delete your address when you ask.</li>
        <li>No spam: you confirm your address first, and nobody else can sign you up.</li>
      </ul>
      <div className="letterbox">
        <h2 className="letterbox__title" id="newsletter-title">
          Subscribe
        </h2>
        <SignupForm id="newsletter" />
      </div>
      <h2>Recent letters</h2>
      <ul className="letter-list">
        {latest.map((l) => (
          <li key={l.slug}>
            <time dateTime={l.date}>{l.date}</time>
            <Link href={`/letters/${l.slug}`}>{l.subject}</Link>
            <p>{l.preheader}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/letters">All past letters</Link> · <a href="/letters/feed.xml">RSS feed</a>
      </p>
    </div>
  );
}
