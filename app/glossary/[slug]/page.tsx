import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/entry/Breadcrumb";
import { CompareLinks } from "@/components/entry/CompareLinks";
import { EntryJsonLd } from "@/components/entry/EntryJsonLd";
import { LinkPreviews } from "@/components/entry/LinkPreviews";
import { SkipOffscreen } from "@/components/entry/SkipOffscreen";
import { MentionedIn } from "@/components/entry/MentionedIn";
import { ReadFirst } from "@/components/entry/ReadFirst";
import { LetterBox } from "@/components/newsletter/LetterBox";
import { readingPath } from "@/lib/content/graph";
import { RelatedTerms } from "@/components/entry/RelatedTerms";
import { Sources } from "@/components/entry/Sources";
import { Takeaways } from "@/components/entry/Takeaways";
import "@/components/widgets/styles";
import type { Citation } from "@/lib/content/citations.mjs";
import { comparisonsFor, loadComparisons } from "@/lib/content/compare";
import { readingMinutes } from "@/lib/content/derive";
import { glossary } from "@/lib/content/load";
import { categoryPath, entryPath, formatDate } from "@/lib/site";

type Params = { slug: string };
type EntryModule = { default: React.ComponentType; citations?: Citation[] };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return glossary().entries.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const entry = glossary().bySlug.get((await params).slug);
  if (!entry) return {};
  return {
    title: entry.title,
    description: entry.definition,
    alternates: { canonical: entryPath(entry.slug) },
    openGraph: { title: entry.title, description: entry.definition, type: "article", url: entryPath(entry.slug) },
    twitter: { card: "summary_large_image" },
  };
}

export default async function EntryPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const { bySlug, categoryBySlug, graph } = glossary();
  const entry = bySlug.get(slug);
  if (!entry) notFound();
  // The compiled entry exports its citation order (lib/mdx/remark-citations.mjs): the Sources list
  // is numbered from the same compile as the markers in the text.
  const { default: Body, citations = [] } = (await import(`@/content/glossary/${slug}.mdx`)) as EntryModule;
  const categories = entry.category.map((c) => categoryBySlug.get(c)!);
  const trail = [{ href: "/glossary", label: "Glossary" }, ...categories.map((c) => ({ href: categoryPath(c.slug), label: c.label }))];
  const related = entry.related.map((r) => ({ ...r, title: bySlug.get(r.slug)!.title }));
  const titled = (s: string) => ({ slug: s, title: bySlug.get(s)!.title });
  const readFirst = readingPath(slug, graph).map(titled);
  const comparisons = comparisonsFor(slug, loadComparisons(glossary()));
  const mentionedIn = graph.mentionedIn.get(slug)!.map(titled).sort((a, b) => a.title.localeCompare(b.title, "en"));

  return (
    <article className="entry">
      <EntryJsonLd entry={entry} trail={categories} />
      <header className="entry__header">
        <Breadcrumb trail={trail} />
        <h1>{entry.title}</h1>
        <p className="dek">{entry.definition}</p>
        <p className="byline">
          <span>{readingMinutes(entry)} min read</span>
          <span aria-hidden="true"> · </span>
          <span>
            Updated <time dateTime={entry.updated}>{formatDate(entry.updated)}</time>
          </span>
        </p>
      </header>
      <div className="hero">
        {/* eslint-disable-next-line @next/next/no-img-element -- our own SVG art: next/image has nothing to optimise, and width/height reserve the space */}
        <img src={entry.illustration.src} alt={entry.illustration.alt} width={800} height={400} fetchPriority="high" decoding="sync" />
      </div>
      <Takeaways items={entry.takeaways} />
      <ReadFirst path={readFirst} />
      <div className="prose">
        <Body />
      </div>
      <RelatedTerms terms={related} />
      <CompareLinks comparisons={comparisons} />
      <MentionedIn entries={mentionedIn} />
      <Sources sources={entry.sources} citations={citations} />
      <LetterBox />
      <LinkPreviews />
      <SkipOffscreen />
    </article>
  );
}
