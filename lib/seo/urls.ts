/** `siteUrl` + an absolute path, without a doubled slash: "https://x.org/" + "/glossary" → "https://x.org/glossary". */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
