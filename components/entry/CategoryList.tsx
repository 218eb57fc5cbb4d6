import type { Category, Entry } from "@/lib/content/schema";
import { membersOf } from "@/lib/content/derive";
import { categoryPath } from "@/lib/site";

/** The glossary's categories, each with how many entries its page lists and what it covers. */
export function CategoryList({ categories, entries }: { categories: Category[]; entries: Pick<Entry, "category">[] }) {
  return (
    <ul className="category-list">
      {categories.map((category) => {
        const count = membersOf(entries, category.slug).length;
        if (count === 0) return null;
        return (
          <li key={category.slug}>
            <a href={categoryPath(category.slug)}>{category.label}</a>{" "}
            <span className="category-list__count">
              {count}
              <span className="visually-hidden"> entries</span>
            </span>
            <p>{category.description}</p>
          </li>
        );
      })}
    </ul>
  );
}
