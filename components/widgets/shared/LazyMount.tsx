"use client";
import { Component, useCallback, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { useNearViewport } from "./useNearViewport";
import { reportWidgetFailure, WidgetFailure } from "./WidgetFailure";

type Props<P> = {
  /** The widget's name (its `data-widget`), for the console when it fails. */
  name: string;
  /** Server-rendered stand-in of exactly the live widget's size. */
  still: ReactNode;
  /** The live widget's module, fetched when the widget nears the viewport. */
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
};

/**
 * Shows the still until the reader scrolls near, then swaps in the live widget once its code has
 * arrived, in the same box, so nothing on the page moves.
 *
 * If the live code cannot be fetched, or the live widget throws while rendering, the still comes
 * back with a Retry notice over it. Retry calls `load` again: a new import(), which makes the
 * bundler fetch again a chunk whose load failed (it forgets failed chunks); after a render error
 * it mounts the live widget afresh.
 */
export function LazyMount<P extends object>({ name, still, load, props }: Props<P>) {
  const { ref, near } = useNearViewport<HTMLDivElement>();
  const [Live, setLive] = useState<ComponentType<P> | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    load().then(
      (module) => !cancelled && setLive(() => module.default),
      (error: unknown) => {
        if (cancelled) return;
        reportWidgetFailure(name, error);
        setLoadFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [near, load, name, attempt]);
  const retryLoad = useCallback(() => {
    setLoadFailed(false);
    setAttempt((n) => n + 1);
  }, []);
  return (
    <div ref={ref} className="widget-holder">
      {loadFailed ? (
        <Failed still={still} onRetry={retryLoad} />
      ) : Live ? (
        <LiveBoundary name={name} still={still}>
          <Live {...props} />
        </LiveBoundary>
      ) : (
        still
      )}
    </div>
  );
}

function Failed({ still, onRetry }: { still: ReactNode; onRetry: () => void }) {
  return (
    <>
      {still}
      <WidgetFailure onRetry={onRetry} />
    </>
  );
}

/** Catches the live widget throwing while rendering; Retry mounts it afresh. */
class LiveBoundary extends Component<{ name: string; still: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    reportWidgetFailure(this.props.name, error);
  }

  private retry = () => this.setState({ failed: false });

  render() {
    return this.state.failed ? <Failed still={this.props.still} onRetry={this.retry} /> : this.props.children;
  }
}
