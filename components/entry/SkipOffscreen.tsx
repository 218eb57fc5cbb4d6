"use client";
import { useEffect } from "react";

/** The entry's blocks that may skip drawing while far from the viewport: all but the widgets. */
const BLOCKS = [
  ".entry .prose > :not(.widget-holder)",
  ".entry > :is(.takeaways, .read-first, .letterbox)",
  ".entry :is(.related .card-grid, .mentioned-in ul, .compare-links ul, .sources ol)",
].join(", ");

/**
 * Lets a long entry skip drawing its blocks away from the viewport (the rules are in globals.css).
 * Each block first remembers its real height (the fonts in, two frames drawn); then a block is
 * marked "far" the first time it is off screen, and from then on the browser draws it only near
 * the viewport.
 */
export function SkipOffscreen() {
  useEffect(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>(BLOCKS)];
    let frame = 0;
    let observer: IntersectionObserver | null = null;
    let live = true;
    void document.fonts.ready.then(() => {
      if (!live) return;
      for (const block of blocks) block.dataset.skipWhenFar = "";
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          // The same margin the browser draws skipped blocks within, so a block turns "far" unseen.
          observer = new IntersectionObserver(
            (entries, self) => {
              for (const { target, isIntersecting } of entries) {
                if (isIntersecting) continue;
                (target as HTMLElement).dataset.skipWhenFar = "far";
                self.unobserve(target);
              }
            },
            { rootMargin: "50% 0px" },
          );
          for (const block of blocks) observer.observe(block);
        });
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, []);
  return null;
}
