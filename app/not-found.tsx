import Link from "next/link";

export default function NotFound() {
  return (
    <div className="page not-found">
      <p className="eyebrow">404 · Page not found</p>
      <h1>We have no page by that name</h1>
      <p className="dek">The link may be mistyped, or the term is not in the glossary yet.</p>
      <p>
        <Link href="/glossary" className="button">
          Browse the glossary
        </Link>{" "}
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
