import type { Metadata } from "next";
import { SignupForm } from "@/components/newsletter/SignupForm";

export const metadata: Metadata = { title: "Unsubscribed", robots: { index: false } };

export default async function Unsubscribed({ searchParams }: { searchParams: Promise<{ erased?: string }> }) {
  const erased = (await searchParams).erased === "1";
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>You are unsubscribed</h1>
      <p className="dek">No more letters will come. Thank you for reading.</p>
      {erased ? <p>Everything we held about you — your address, when you signed up, the mails we sent you — is deleted.</p> : <p>Your address is deleted; only a one-way hash of it stays, so it never gets a letter again unless you sign up anew.</p>}
      <div className="letterbox">
        <h2 className="letterbox__title">Changed your mind?</h2>
        <SignupForm id="back" />
      </div>
    </div>
  );
}
