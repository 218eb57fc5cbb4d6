import type { Metadata } from "next";
import { sendTimeLabel } from "@/lib/newsletter/zone";
import Link from "next/link";

export const metadata: Metadata = { title: "You are subscribed", robots: { index: false } };

export default function Confirmed() {
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>You are subscribed</h1>
      <p className="dek">Your first letter arrives on {sendTimeLabel()}. Every letter has a one-click unsubscribe link at the bottom.</p>
      <p>
        While you wait, read <Link href="/letters">past letters</Link> or start with <Link href="/glossary/deep-learning">Deep Learning</Link>.
      </p>
    </div>
  );
}
