import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };

export default function CheckInbox() {
  return (
    <div className="page">
      <p className="eyebrow">Almost there</p>
      <h1>Check your inbox</h1>
      <p className="dek">We sent you a link to confirm your address. It works for seven days.</p>
      <p>
        Open the mail from LumoMate and press <strong>Confirm my subscription</strong>. Nothing arrives until you do. If you cannot find it, look in
        your spam folder, or sign up again in fifteen minutes for a fresh link.
      </p>
      <p>
        <Link href="/glossary">Back to the glossary</Link>
      </p>
    </div>
  );
}
