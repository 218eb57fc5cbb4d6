"use client";
import { useCallback, useEffect, useRef } from "react";
import type { FromWorker, ToWorker } from "./protocol";

/**
 * Owns the race worker. Messages from it go to `onMessage` (always the latest one passed); `send`
 * posts to it; `restart` throws the worker away and starts a fresh one (a Stop the worker did not
 * answer in time: a long multiplication cannot be interrupted from outside).
 */
export function useRaceWorker(onMessage: (message: FromWorker) => void) {
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });

  const create = useCallback(() => {
    const w = new Worker(new URL("./race.worker.ts", import.meta.url));
    w.onmessage = (event: MessageEvent<FromWorker>) => {
      if (worker.current === w) handler.current(event.data);
    };
    w.onerror = (event) => worker.current === w && handler.current({ type: "error", message: event.message || "The race worker failed to start" });
    worker.current = w;
    w.postMessage({ type: "probe" } satisfies ToWorker);
  }, []);

  useEffect(() => {
    create();
    return () => {
      worker.current?.terminate();
      worker.current = null;
    };
  }, [create]);

  const send = useCallback((message: ToWorker) => worker.current?.postMessage(message), []);
  const restart = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    create();
  }, [create]);
  return { send, restart };
}
