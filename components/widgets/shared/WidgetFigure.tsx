import { useId, type ReactNode } from "react";

/** `data-*` attributes on the root: machine-readable state for tests and benchmarks. */
export type ProbeAttributes = { [key: `data-${string}`]: string | number | undefined };

type Props = {
  /** The widget's name, as `data-widget` (tests and tools find widgets by it). */
  name: string;
  /** False for the server-rendered still, true once the live widget has mounted. */
  live: boolean;
  /** The widget's own class (its CSS prefix), beside `.widget`. */
  className: string;
  title: string;
  subtitle: ReactNode;
  /** The small mono label at the right of the title line (a backend, a vocabulary, a formula). */
  badge?: ReactNode;
  badgeTitle?: string;
  probe?: ProbeAttributes;
  /** What to try, below everything else. */
  caption: ReactNode;
  children: ReactNode;
};

/**
 * The frame every widget shares: the labelled figure with its title line and caption. The still
 * and the live widget both render it, so the two take exactly the same space.
 */
export function WidgetFigure({ name, live, className, title, subtitle, badge, badgeTitle, probe, caption, children }: Props) {
  const titleId = useId();
  return (
    <figure className={`widget ${className}`} data-widget={name} data-live={live ? "true" : "false"} {...probe} aria-labelledby={titleId}>
      <div className="widget__head">
        <p className="widget__title" id={titleId}>
          {title} <span>· {subtitle}</span>
        </p>
        {badge !== undefined && (
          <p className="widget__badge" title={badgeTitle}>
            {badge}
          </p>
        )}
      </div>
      {children}
      <figcaption className="widget__caption">{caption}</figcaption>
    </figure>
  );
}

/** The one-line account of what the widget shows now, read out by screen readers as it changes. */
export function LiveSummary({ className, testId = "summary", children }: { className: string; testId?: string; children: ReactNode }) {
  return (
    <p className={`widget__summary ${className}`} aria-live="polite" aria-atomic="true" data-testid={testId}>
      {children}
    </p>
  );
}
