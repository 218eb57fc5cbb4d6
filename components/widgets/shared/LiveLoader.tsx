import { useEffect, useState, type ComponentType, type ReactNode } from "react";
import { loadLive, type WidgetName } from "../registry";
import { useNearViewport } from "./useNearViewport";

export type LiveLoaderProps = { name: WidgetName; initial: unknown; still: ReactNode };

type Loaded = { Live: ComponentType<{ initial: unknown }> } | { error: unknown } | null;

/**
 * Shows the still until the reader scrolls near, then swaps in the live part once its code has
 * arrived, in the same box, so nothing on the page moves. A chunk that cannot be fetched is thrown
 * while rendering, for LiveSlot's boundary to catch like any other failure.
 */
export default function LiveLoader({ name, initial, still }: LiveLoaderProps) {
  const { ref, near } = useNearViewport<HTMLDivElement>();
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    loadLive(name).then(
      (module) => !cancelled && setLoaded({ Live: module.default as ComponentType<{ initial: unknown }> }),
      (error: unknown) => !cancelled && setLoaded({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [near, name]);
  if (loaded && "error" in loaded) throw loaded.error;
  return (
    <div ref={ref} className="widget-holder">
      {loaded ? <loaded.Live initial={initial} /> : still}
    </div>
  );
}
