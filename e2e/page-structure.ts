// Runs inside the page (passed to page.evaluate): it may use nothing from outside its own body.

/** What a screen reader would stumble on in a page's markup, one line per problem. */
export function structureProblems(): string[] {
  const out: string[] = [];
  const shown = (el: Element) => !el.closest("[aria-hidden='true'], [hidden], template");
  const nameOf = (el: Element) =>
    (
      el.getAttribute("aria-label") ??
      (el.getAttribute("aria-labelledby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
    ).trim() ||
    (el.textContent ?? "").trim() ||
    [...el.querySelectorAll("img[alt], svg[aria-label]")].map((i) => i.getAttribute("alt") ?? i.getAttribute("aria-label")).join(" ").trim();

  if (!document.documentElement.lang) out.push("the page has no lang");
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(shown);
  if (headings.filter((h) => h.tagName === "H1").length !== 1) out.push(`${headings.filter((h) => h.tagName === "H1").length} h1 headings, not one`);
  headings.forEach((h, i) => {
    if (!(h.textContent ?? "").trim()) out.push(`an empty ${h.tagName}`);
    const previous = i > 0 ? Number(headings[i - 1].tagName[1]) : 1;
    if (Number(h.tagName[1]) > previous + 1) out.push(`heading "${h.textContent?.trim()}" jumps from h${previous} to ${h.tagName.toLowerCase()}`);
  });
  for (const img of document.querySelectorAll("img")) if (!img.hasAttribute("alt")) out.push(`image ${img.getAttribute("src")} has no alt`);
  for (const svg of document.querySelectorAll("svg[role='img']")) if (shown(svg) && !nameOf(svg)) out.push("an svg role=img without a name");
  for (const a of document.querySelectorAll("a[href]")) if (shown(a) && !nameOf(a)) out.push(`link to ${a.getAttribute("href")} has no name`);
  for (const table of document.querySelectorAll("table")) {
    if (!table.querySelector("th")) out.push(`a table without header cells (${(table.textContent ?? "").trim().slice(0, 40)}…)`);
  }
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) out.push(`id "${id}" is used twice`);
  return out;
}
