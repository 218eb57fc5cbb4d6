type FigureProps = {
  number: number;
  src: string;
  alt: string;
  width: number;
  height: number;
  children: React.ReactNode;
};

/** A framed, numbered figure: "FIG. 1" in small caps, then the caption. */
export function Figure({ number, src, alt, width, height, children }: FigureProps) {
  return (
    <figure className="figure">
      <div className="figure__frame">
        {/* Our own SVG art: no optimisation to do, and width/height reserve its space. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      </div>
      <figcaption>
        <span className="figure__label">Fig. {number}</span> {children}
      </figcaption>
    </figure>
  );
}
