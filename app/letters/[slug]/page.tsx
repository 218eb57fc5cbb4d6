import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/entry/Breadcrumb";
import { LetterBox } from "@/components/newsletter/LetterBox";
import { letters } from "@/lib/letters/load";
import { formatDate } from "@/lib/site";

type Params = { slug: string };
type LetterModule = { default: React.ComponentType };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return letters().map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { slug } = await params;
  const letter = letters().find((l) => l.slug === slug);
  return letter ? { title: letter.subject, description: letter.preheader, alternates: { canonical: `/letters/${letter.slug}` } } : {};
}

export default async function LetterPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const letter = letters().find((l) => l.slug === slug);
  if (!letter) notFound();
  const { default: Body } = (await import(`@/content/letters/${slug}.mdx`)) as LetterModule;
  return (
    <article className="entry">
      <header className="entry__header">
        <Breadcrumb trail={[{ href: "/letters", label: "Letters" }]} />
        <h1>{letter.subject}</h1>
        <p className="byline">
          <time dateTime={letter.date}>{formatDate(letter.date)}</time>
        </p>
      </header>
      <div className="prose">
        <Body />
      </div>
      <LetterBox />
    </article>
  );
}
