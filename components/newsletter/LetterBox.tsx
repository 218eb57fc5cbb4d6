import Link from "next/link";
import { sendTimeLabel } from "@/lib/newsletter/zone";
import { SignupForm } from "./SignupForm";

/** The letter box at the end of every entry, as the design asks: schedule, promise, one field, one button, privacy. */
export function LetterBox({ id = "letter" }: { id?: string }) {
  return (
    <aside className="letterbox" aria-labelledby={`${id}-title`}>
      <p className="eyebrow">{sendTimeLabel()} — every week</p>
      <h2 id={`${id}-title`} className="letterbox__title">
        One idea from AI, explained in a short letter
      </h2>
      <p className="letterbox__promise">One letter a week, {sendTimeLabel()}. No ads, no tracking pixels. One-click unsubscribe. No spam.</p>
      <SignupForm id={id} />
      <p className="letterbox__privacy">
        We keep only your address, use it only for the letter, and delete it when you leave. <Link href="/newsletter">About the letter</Link> ·{" "}
        <Link href="/letters">Past letters</Link>
      </p>
    </aside>
  );
}
