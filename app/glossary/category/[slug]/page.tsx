import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/entry/Breadcrumb";
import { EntryList } from "@/components/entry/EntryList";
import { membersOf } from "@/lib/content/derive";
import { glossary } from "@/lib/content/load";
import { categoryPath } from "@/lib/site";

type Params = { slug: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return glossary().categories.map(({ slug }) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const category = glossary().categoryBySlug.get((await params).slug);
  if (!category) return {};
  return { title: `${category.label} — glossary category`, description: category.description, alternates: { canonical: categoryPath(category.slug) } };
}

export default async function CategoryPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const { entries, categoryBySlug } = glossary();
  const category = categoryBySlug.get(slug);
  if (!category) notFound();
  const members = membersOf(entries, slug);
  return (
    <div className="page">
      <header className="page__header">
        <Breadcrumb trail={[{ href: "/glossary", label: "Glossary" }]} />
        <h1>{category.label}</h1>
        <p className="dek">{category.description}</p>
      </header>
      <EntryList entries={members} />
    </div>
  );
}
