import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { SignupForm } from "@/components/newsletter/SignupForm";
import { TYPED_ADDRESS_COOKIE } from "@/lib/newsletter/typedAddress";

export const metadata: Metadata = { title: "Signup", robots: { index: false } };

const MESSAGES: Record<string, { title: string; text: string }> = {
  "invalid-address": { title: "That address does not look right", text: "Please check it — an address looks like reader@example.com — and try again." },
  "missing-email": { title: "We need an address", text: "Please type your e-mail address and press Subscribe." },
  "try-again": { title: "We could not save that just now", text: "Nothing was stored. Please try again in a moment." },
  cancelled: { title: "This subscription was cancelled", text: "The address left the letter after this link was sent. Sign up again below if you want the letter back." },
  "invalid-link": { title: "That link is not valid", text: "Please sign up again below for a new link." },
};

export default async function Result({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const code = typeof params.error === "string" ? params.error : "";
  // What the reader typed comes in a short-lived cookie (see typedAddress.ts), never in the URL.
  const email = ((await cookies()).get(TYPED_ADDRESS_COOKIE)?.value ?? "").slice(0, 254);
  const message = MESSAGES[code] ?? { title: "Something went wrong", text: "Please try again." };
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>{message.title}</h1>
      <p className="dek" role="alert">
        {message.text}
      </p>
      <div className="letterbox">
        <SignupForm id="retry" initialEmail={email} />
      </div>
      <p>
        <Link href="/newsletter">About the letter</Link>
      </p>
    </div>
  );
}
