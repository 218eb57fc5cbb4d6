"use client";
import { useEffect, useRef, useState } from "react";

/**
 * True once the element comes within `margin` of the viewport (and stays true): widgets fetch
 * their heavy code then, never in the page's first load.
 */
export function useNearViewport<T extends Element>(margin = "400px 0px") {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [margin, near]);
  return { ref, near };
}
