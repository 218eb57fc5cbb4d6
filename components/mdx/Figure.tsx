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
        {/* eslint-disable-next-line @next/next/no-img-element -- our own SVG art: next/image has nothing to optimise, and width/height reserve the space */}
        <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      </div>
      <figcaption>
        <span className="figure__label">Fig. {number}</span> {children}
      </figcaption>
    </figure>
  );
}
