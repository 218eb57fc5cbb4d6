"use client";
import { useEffect, useState } from "react";
import { errorText } from "./errorText";
import { loadTensorFlow, type BackendName } from "./tf";

export type Engine<T> = { tf: Awaited<ReturnType<typeof loadTensorFlow>>["tf"]; backend: string; extra: T };

/**
 * TF.js for a widget that runs it on the page's own thread, loaded when the widget mounts, with
 * `prepare` run once it has (register gradients, fetch data, build a network). `backend` is the
 * badge's text ("TF.js · cpu"). `dispose` undoes what `prepare` made when the widget goes.
 * Both functions must be module-level, so the engine loads once.
 */
export function useTensorFlow<T = undefined>(
  prepare: (tf: Engine<T>["tf"]) => Promise<T> | T,
  dispose?: (extra: T) => void,
  wanted: BackendName = "cpu",
): { engine: Engine<T> | null; error: string | null } {
  const [engine, setEngine] = useState<Engine<T> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let made: { extra: T } | null = null;
    loadTensorFlow(wanted)
      .then(async ({ tf, backend }) => {
        const extra = await prepare(tf);
        made = { extra };
        if (cancelled) dispose?.(extra);
        else setEngine({ tf, backend: `TF.js · ${backend}`, extra });
      })
      .catch((e: unknown) => !cancelled && setError(errorText(e)));
    return () => {
      cancelled = true;
      if (made) dispose?.(made.extra);
    };
  }, [prepare, dispose, wanted]);
  return { engine, error };
}
