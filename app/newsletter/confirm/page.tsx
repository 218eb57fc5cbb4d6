import type { Metadata } from "next";
import { sendTimeLabel } from "@/lib/newsletter/zone";
import Link from "next/link";
import { SignupForm } from "@/components/newsletter/SignupForm";
import { env } from "@/lib/newsletter/env";
import { verifyToken } from "@/lib/newsletter/tokens";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

/** Opening the link changes nothing (mail scanners open links too); only the button's POST confirms. */
export default async function Confirm({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = String((await searchParams).token ?? "");
  const check = verifyToken(env().secret, token, "confirm");
  if (check.ok) {
    return (
      <div className="page">
        <p className="eyebrow">The weekly letter</p>
        <h1>Confirm your subscription</h1>
        <p className="dek">One press, and the letter starts next {sendTimeLabel()}.</p>
        <form method="post" action="/api/confirm" className="inline-form">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Confirm
          </button>
        </form>
      </div>
    );
  }
  if (check.reason === "expired") {
    return (
      <div className="page">
        <p className="eyebrow">The weekly letter</p>
        <h1>This link has expired</h1>
        <p className="dek">Confirmation links work for seven days. We can send you a new one.</p>
        <form method="post" action="/api/resend" className="inline-form">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button">
            Send me a new link
          </button>
        </form>
      </div>
    );
  }
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>This link is not valid</h1>
      <p className="dek">It may have been cut short or changed on the way. Sign up again and we will send a fresh one.</p>
      <div className="letterbox">
        <SignupForm id="again" />
      </div>
      <p>
        <Link href="/newsletter">About the letter</Link>
      </p>
    </div>
  );
}
