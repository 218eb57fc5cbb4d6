type CiteProps = {
  /** The source's id in the entry's front matter. */
  id: string;
  /** Set at build by lib/mdx/remark-citations.mjs: the source's number, which of its markers this is, its title. */
  n?: string;
  k?: string;
  title?: string;
};

/** A citation marker, Wikipedia style: a superscript [n] that links to source n in the Sources list. */
export function Cite({ id, n = "?", k = "0", title = "" }: CiteProps) {
  return (
    <sup className="cite">
      <a href={`#source-${id}`} id={`cite-${id}-${k}`} aria-label={`Source ${n}${title ? `: ${title}` : ""}`}>
        {/* A word joiner: the marker never wraps away from the sentence it cites. */}
        {`\u2060[${n}]`}
      </a>
    </sup>
  );
}
