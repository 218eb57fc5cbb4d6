"use client";
// What a reader sees when a page throws: the site's header and footer stay (this renders inside the
// root layout), with a way to try again and a way home.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  useEffect(() => {
    console.error("[page] failed to render:", error);
  }, [error]);
  // A server error needs the page asked for again; reset() alone re-renders what the browser has.
  const tryAgain = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div className="page not-found error-page">
      <p className="eyebrow">Error · This page broke</p>
      <h1>Something went wrong on our side</h1>
      <p className="dek">Part of this page did not load or could not be shown. Trying again usually works.</p>
      <p className="error-page__actions">
        <button type="button" className="button" onClick={tryAgain}>
          Try again
        </button>{" "}
        <Link href="/">Go to the home page</Link>
      </p>
      {error.digest && (
        <p className="error-page__digest">
          If it keeps happening, tell us this reference: <code>{error.digest}</code>
        </p>
      )}
    </div>
  );
}
