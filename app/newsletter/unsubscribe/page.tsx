import type { Metadata } from "next";
import Link from "next/link";
import { env } from "@/lib/newsletter/env";
import { verifyToken } from "@/lib/newsletter/tokens";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** One button; opening this page changes nothing, so link scanners cannot unsubscribe anyone. */
export default async function Unsubscribe({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = String((await searchParams).token ?? "");
  const check = verifyToken(env().secret, token, "unsubscribe");
  // An old but authentic link still works: leaving is harmless however late.
  if (!check.ok && check.reason !== "expired") {
    return (
      <div className="page">
        <p className="eyebrow">The weekly letter</p>
        <h1>This unsubscribe link is not valid</h1>
        <p className="dek">Use the link at the bottom of your most recent letter, or write to us and we will remove you by hand.</p>
        <p>
          <Link href="/newsletter">About the letter</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>Unsubscribe from the letter?</h1>
      <p className="dek">One press and no more letters will come. You can come back whenever you like.</p>
      <form method="post" action="/api/unsubscribe" className="inline-form">
        <input type="hidden" name="token" value={token} />
        <p>
          <label>
            <input type="checkbox" name="erase" value="all" /> Also delete everything you hold about me
          </label>
        </p>
        <p className="form-note">
          Without this we keep only a one-way, keyed hash of your address, so it is never sent a letter again unless you sign up anew. With it we keep nothing at all.
        </p>
        <button type="submit" className="button">
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
