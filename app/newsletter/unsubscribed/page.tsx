import type { Metadata } from "next";
import { SignupForm } from "@/components/newsletter/SignupForm";

export const metadata: Metadata = { title: "Unsubscribed", robots: { index: false } };

export default function Unsubscribed() {
  return (
    <div className="page">
      <p className="eyebrow">The weekly letter</p>
      <h1>You are unsubscribed</h1>
      <p className="dek">No more letters will come. Thank you for reading.</p>
      <div className="letterbox">
        <h2 className="letterbox__title">Changed your mind?</h2>
        <SignupForm id="back" />
      </div>
    </div>
  );
}
