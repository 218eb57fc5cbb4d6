"use client";
import { useCallback, useEffect, useLayoutEffect, useRef } from "react";

/** While playing, the counter and the probes change at most this often (the picture moves every frame) … */
const COUNTER_EVERY_MS = 100;
/** … and the spoken summary at most this often. */
const SUMMARY_EVERY_MS = 1000;

/**
 * While `running`, calls `frame` once per animation frame until it returns false (the run is over).
 * `frame` is always the latest one passed. The loop starts again when `run` changes (a new run, whose
 * effect runs first), so a frame that finds no run can simply return false.
 */
export function useFrameLoop(running: boolean, frame: () => boolean, run?: unknown) {
  const latest = useRef(frame);
  useLayoutEffect(() => {
    latest.current = frame;
  });
  useEffect(() => {
    if (!running) return;
    let id = 0;
    const tick = () => {
      if (latest.current()) id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [running, run]);
}

/**
 * Pause and Step for a main-thread run, from their event handlers: stops the animation, moves the
 * run on by one step of its own when `advance` is given (it returns false when there was nothing to
 * do), and publishes at once.
 */
export function halt(stop: () => void, publish: (announce: boolean) => void, advance?: () => boolean) {
  stop();
  if (!advance || advance()) publish(true);
}

/**
 * Copies a main-thread run's state into React without a render per frame. `publish(announce)`
 * copies it now (and the spoken summary too when `announce`): after a step, a pause, a new run.
 * `publishIfDue(final)`, called each frame, copies it only when due: the counter every 100 ms, the
 * summary every second, both when `final`.
 */
export function useThrottledPublish(copy: (announce: boolean) => void) {
  const last = useRef({ counter: 0, summary: 0 });
  const publish = useCallback(
    (announce: boolean) => {
      const now = performance.now();
      last.current.counter = now;
      if (announce) last.current.summary = now;
      copy(announce);
    },
    [copy],
  );
  const publishIfDue = useCallback(
    (final: boolean) => {
      const now = performance.now();
      if (final || now - last.current.counter > COUNTER_EVERY_MS) publish(final || now - last.current.summary > SUMMARY_EVERY_MS);
    },
    [publish],
  );
  return { publish, publishIfDue };
}
