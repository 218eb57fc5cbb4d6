import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Breadcrumb } from "@/components/entry/Breadcrumb";
import { loadComparisons } from "@/lib/content/compare";
import { glossary } from "@/lib/content/load";
import { entryPath } from "@/lib/site";

type Params = { slug: string };
export const dynamicParams = false;

const find = (slug: string) => loadComparisons(glossary()).find((c) => c.slug === slug);

export function generateStaticParams(): Params[] {
  return loadComparisons(glossary()).map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const c = find((await params).slug);
  return c ? { title: c.title, description: c.description, alternates: { canonical: `/compare/${c.slug}` } } : {};
}

export default async function ComparePage({ params }: { params: Promise<Params> }) {
  const c = find((await params).slug);
  if (!c) notFound();
  return (
    <article className="page page--compare">
      <header className="page__header">
        <Breadcrumb
          trail={[
            { href: "/glossary", label: "Glossary" },
            { href: "/compare", label: "Compare" },
          ]}
        />
        <h1>{c.title}</h1>
        <p className="dek">{c.description}</p>
      </header>
      <p>{c.intro}</p>
      <ul className="compare-sides">
        {c.sides.map((side) => (
          <li key={side.title} className="card">
            <h2 className="card__title">{side.slug ? <Link href={entryPath(side.slug)} className="card__link">{side.title}</Link> : side.title}</h2>
            <p>{side.definition}</p>
            {side.see && (
              <p className="compare-sides__see">
                Read more:{" "}
                {side.see.map((slug, i) => (
                  <span key={slug}>
                    {i > 0 && ", "}
                    <Link href={entryPath(slug)}>{glossary().bySlug.get(slug)!.title}</Link>
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ul>
      <div className="table-wrap prose">
        <table>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Aspect</span>
              </th>
              {c.sides.map((s) => (
                <th key={s.title} scope="col">
                  {s.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.rows.map((row) => (
              <tr key={row.aspect}>
                <th scope="row">{row.aspect}</th>
                {row.values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>In short</h2>
      <div className="key-takeaway">
        <p>{c.verdict}</p>
      </div>
    </article>
  );
}
