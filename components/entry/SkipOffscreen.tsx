"use client";
import { useEffect } from "react";

/**
 * Lets a long page skip drawing its blocks away from the viewport (the rule is in globals.css), but
 * only once every block has been laid out at its real size: the fonts are in and two frames have
 * passed, so each block remembers its height and nothing shifts when it is drawn again.
 */
export function SkipOffscreen() {
  useEffect(() => {
    let frame = 0;
    let live = true;
    void document.fonts.ready.then(() => {
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          if (live) document.documentElement.dataset.skipOffscreen = "";
        });
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      delete document.documentElement.dataset.skipOffscreen;
    };
  }, []);
  return null;
}
