import Link from "next/link";
import type { Category } from "@/lib/content/schema";
import { categoryPath } from "@/lib/site";

export function Breadcrumb({ trail }: { trail: Category[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link href="/glossary">Glossary</Link>
        </li>
        {trail.map((category) => (
          <li key={category.slug}>
            <Link href={categoryPath(category.slug)}>{category.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
