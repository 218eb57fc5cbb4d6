"use client";
import { useEffect, useState, type ComponentType, type ReactNode } from "react";
import { useNearViewport } from "./useNearViewport";

type Props<P> = {
  /** Server-rendered stand-in of exactly the live widget's size. */
  still: ReactNode;
  /** The live widget's module, fetched when the widget nears the viewport. */
  load: () => Promise<{ default: ComponentType<P> }>;
  props: P;
};

/**
 * Shows the still until the reader scrolls near, then swaps in the live widget once its code has
 * arrived, in the same box, so nothing on the page moves.
 */
export function LazyMount<P extends object>({ still, load, props }: Props<P>) {
  const { ref, near } = useNearViewport<HTMLDivElement>();
  const [Live, setLive] = useState<ComponentType<P> | null>(null);
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    void load().then((module) => !cancelled && setLive(() => module.default));
    return () => {
      cancelled = true;
    };
  }, [near, load]);
  return (
    <div ref={ref} className="widget-holder">
      {Live ? <Live {...props} /> : still}
    </div>
  );
}
