import type { Ref } from "react";

type TokensAreaProps = {
  still?: boolean;
  /** Shown in place of the chips until the first text has been tokenized. */
  waiting?: string | null;
  chips?: Ref<HTMLDivElement>;
  /** Shown under the chips when only the first ones are drawn. */
  more?: string | null;
  onPointerOver?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onPointerDown?: (event: React.PointerEvent<HTMLDivElement>) => void;
  onFocus?: (event: React.FocusEvent<HTMLDivElement>) => void;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
};

/** The scrolling box of chips: fixed height, so the still and the live widget take the same room. */
export function TokensArea({ still, waiting, chips, more, ...handlers }: TokensAreaProps) {
  return (
    <div className="tk-chips">
      {still ? (
        <p className="tk-chips__waiting">The chips appear here when the widget has loaded.</p>
      ) : (
        <>
          {waiting && <p className="tk-chips__waiting">{waiting}</p>}
          <div className="tk-chips__list" role="group" aria-label="Tokens: use the arrow keys to move between them" ref={chips} {...handlers} />
          {more && <p className="tk-chips__more">{more}</p>}
        </>
      )}
    </div>
  );
}

/** The context-window gauge's SVG (drawn by D3 in the live widget; an empty track in the still). */
export function GaugeSvg({ svg }: { svg?: Ref<SVGSVGElement> }) {
  return (
    <svg ref={svg} className="tk-gauge__bar" viewBox="0 0 1000 16" preserveAspectRatio="none" aria-hidden="true">
      <rect className="tk-gauge__track" width="1000" height="16" />
      {[250, 500, 750].map((x) => (
        <line key={x} className="tk-gauge__tick" x1={x} x2={x} y1={0} y2={16} />
      ))}
    </svg>
  );
}
