"use client";
import { useState } from "react";

type State = { kind: "idle" | "pending" | "done" | "error"; message: string };

/**
 * A plain form that posts to /api/subscribe and works with JavaScript off (the server answers
 * with a page). With JavaScript, the same endpoint answers inline, with no reload.
 */
export function SignupForm({ id, initialEmail = "" }: { id: string; initialEmail?: string }) {
  const [state, setState] = useState<State>({ kind: "idle", message: "" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState({ kind: "pending", message: "Subscribing…" });
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
      });
      const answer = (await response.json().catch(() => ({}))) as { message?: string };
      if (response.status === 202) setState({ kind: "done", message: answer.message ?? "Check your inbox." });
      else setState({ kind: "error", message: answer.message ?? "Something went wrong. Please try again." });
    } catch {
      setState({ kind: "error", message: "We could not reach the server. Please check your connection and try again." });
    }
  }

  return (
    <form className="signup" action="/api/subscribe" method="post" onSubmit={(event) => void submit(event)} data-state={state.kind}>
      <label htmlFor={`${id}-email`} className="signup__label">
        Your e-mail address
      </label>
      <div className="signup__row">
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          inputMode="email"
          defaultValue={initialEmail}
          aria-describedby={`${id}-status`}
          aria-invalid={state.kind === "error" || undefined}
        />
        <button type="submit" className="button" disabled={state.kind === "pending"} aria-disabled={state.kind === "pending"}>
          {state.kind === "pending" ? "Subscribing…" : "Subscribe"}
        </button>
      </div>
      <div className="signup__trap" aria-hidden="true">
        <label>
          Leave this field empty
          <input name="website" tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <p id={`${id}-status`} className={`signup__status signup__status--${state.kind}`} role="status" aria-live="polite">
        {state.message}
      </p>
    </form>
  );
}
