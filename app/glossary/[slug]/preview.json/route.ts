import { glossary } from "@/lib/content/load";

// One small static JSON per entry, fetched by the hover preview only when a reader points at a link.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return glossary().entries.map(({ slug }) => ({ slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const entry = glossary().bySlug.get((await params).slug);
  if (!entry) return new Response("Not found", { status: 404 });
  return Response.json({ slug: entry.slug, title: entry.title, definition: entry.definition, illustration: entry.illustration.src });
}
