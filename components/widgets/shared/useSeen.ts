"use client";
import { useEffect, useState, type RefObject } from "react";

/** True while the element is on screen and the tab is showing: animations pause otherwise. */
export function useSeen(ref: RefObject<HTMLElement | null>): boolean {
  const [state, setState] = useState({ inView: true, tabShown: true });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(([entry]) => setState((s) => ({ ...s, inView: entry.isIntersecting })));
    observer.observe(element);
    const onVisibility = () => setState((s) => ({ ...s, tabShown: document.visibilityState === "visible" }));
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [ref]);
  return state.inView && state.tabShown;
}

/** The reader's prefers-reduced-motion setting, following changes. */
export function useReducedMotion(): boolean {
  const [reduce, setReduce] = useState(() => typeof matchMedia !== "undefined" && matchMedia("(prefers-reduced-motion: reduce)").matches);
  useEffect(() => {
    const query = matchMedia("(prefers-reduced-motion: reduce)");
    const onChange = () => setReduce(query.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);
  return reduce;
}
