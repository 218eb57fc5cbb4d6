"use client";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

/** What every worker protocol says when something went wrong (shared/serveWorker.ts sends it). */
export type WorkerError = { type: "error"; message: string };

type Options<In> = {
  /** Said when the worker cannot start at all, as an "error" message. */
  failure: string;
  /** Posted to every new worker as soon as it starts (a probe, say). */
  hello?: In;
};

/**
 * Owns a widget's Web Worker: starts it when the widget mounts and terminates it when it unmounts.
 * Every message goes to `onMessage` (always the latest one passed, with `send` to answer); a worker
 * that fails to start arrives there as an "error" message. `restart` replaces the worker with a
 * fresh one (a task that cannot be interrupted from outside).
 *
 * `create` must be module-level, `() => new Worker(new URL("./x.worker.ts", import.meta.url))`
 * written out in the widget's own file, so the bundler finds the worker.
 */
export function useWorker<In, Out>(create: () => Worker, onMessage: (message: Out | WorkerError, send: (message: In) => void) => void, options: Options<In>) {
  const worker = useRef<Worker | null>(null);
  const latest = useRef({ onMessage, options });
  // After each render, before the browser can deliver a message: the handler sees the latest state.
  useLayoutEffect(() => {
    latest.current = { onMessage, options };
  });

  const send = useCallback((message: In) => worker.current?.postMessage(message), []);

  const start = useCallback(() => {
    const w = create();
    const deliver = (message: Out | WorkerError) => worker.current === w && latest.current.onMessage(message, send);
    w.onmessage = (event: MessageEvent<Out>) => deliver(event.data);
    w.onerror = (event) => deliver({ type: "error", message: event.message || latest.current.options.failure });
    worker.current = w;
    const { hello } = latest.current.options;
    if (hello !== undefined) w.postMessage(hello);
  }, [create, send]);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => {
    start();
    return stop;
  }, [start, stop]);

  const restart = useCallback(() => {
    stop();
    start();
  }, [start, stop]);

  return { send, restart };
}
