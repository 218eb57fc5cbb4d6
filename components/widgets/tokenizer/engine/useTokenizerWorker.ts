"use client";
import { useCallback, useEffect, useRef } from "react";
import type { FromWorker, ToWorker } from "./protocol";

/**
 * Owns the tokenizer worker for the widget's lifetime. Messages from it go to `onMessage` (always
 * the latest one passed); `send` posts to it.
 */
export function useTokenizerWorker(onMessage: (message: FromWorker) => void) {
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    const w = new Worker(new URL("./tokenizer.worker.ts", import.meta.url));
    w.onmessage = (event: MessageEvent<FromWorker>) => handler.current(event.data);
    w.onerror = (event) => handler.current({ type: "error", message: event.message || "The tokeniser failed to start" });
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  return useCallback((message: ToWorker) => worker.current?.postMessage(message), []);
}
