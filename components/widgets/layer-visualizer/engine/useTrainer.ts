"use client";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";
import type { FromWorker, ToWorker } from "./protocol";

/**
 * Owns the training worker for the widget's lifetime. Messages from it go to `onMessage`
 * (always the latest one passed, with `send` to answer); `send` posts to it.
 */
export function useTrainer(onMessage: (message: FromWorker, send: (message: ToWorker) => void) => void) {
  const worker = useRef<Worker | null>(null);
  const send = useCallback((message: ToWorker) => worker.current?.postMessage(message), []);
  const handler = useRef(onMessage);
  // After each render, before the browser can deliver a message: the handler sees the latest state.
  useLayoutEffect(() => {
    handler.current = onMessage;
  });

  useEffect(() => {
    const w = new Worker(new URL("./training.worker.ts", import.meta.url));
    w.onmessage = (event: MessageEvent<FromWorker>) => handler.current(event.data, send);
    w.onerror = (event) => handler.current({ type: "error", message: event.message || "The training worker failed to start" }, send);
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [send]);

  return send;
}

/**
 * Pauses training while the widget is off screen or the tab is hidden, and resumes where it was
 * when the reader comes back — if the reader had it playing.
 */
export function usePauseWhenUnseen(root: React.RefObject<HTMLElement | null>, wantsToPlay: boolean, setRunning: (run: boolean) => void) {
  const visible = useRef({ inView: true, tabShown: true });
  const apply = useRef(() => {});
  useLayoutEffect(() => {
    apply.current = () => setRunning(wantsToPlay && visible.current.inView && visible.current.tabShown);
  });

  useEffect(() => {
    apply.current();
  }, [wantsToPlay]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => {
      visible.current.inView = entry.isIntersecting;
      apply.current();
    });
    observer.observe(element);
    const onVisibility = () => {
      visible.current.tabShown = document.visibilityState === "visible";
      apply.current();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [root]);
}
