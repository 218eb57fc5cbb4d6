"use client";
import { useEffect, useRef, useState } from "react";

type Preview = { slug: string; title: string; definition: string; illustration: string };
type Open = { preview: Preview; top: number; left: number; above: boolean; id: string };

const ENTRY_LINK = /^\/glossary\/([a-z0-9-]+)$/;
const DELAY_MS = 250;
const CARD_WIDTH = 320;
const cache = new Map<string, Promise<Preview | null>>();

function load(slug: string): Promise<Preview | null> {
  if (!cache.has(slug)) cache.set(slug, fetch(`/glossary/${slug}/preview.json`).then((r) => (r.ok ? (r.json() as Promise<Preview>) : null)).catch(() => null));
  return cache.get(slug)!;
}

/**
 * Hovering or focusing a link to another entry shows its title, definition and picture in a small
 * card, placed below the link's line (or above it near the bottom of the screen), never over the
 * line being read. Only where there is a precise pointer: on touch, a tap just follows the link.
 */
export function LinkPreviews({ scope = ".entry" }: { scope?: string }) {
  const [open, setOpen] = useState<Open | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const anchor = useRef<HTMLAnchorElement | null>(null);

  useEffect(() => {
    const root = document.querySelector(scope);
    if (!root) return;
    const fine = matchMedia("(hover: hover) and (pointer: fine)");
    const close = () => {
      window.clearTimeout(timer.current);
      anchor.current?.removeAttribute("aria-describedby");
      anchor.current = null;
      setOpen(null);
    };
    const show = (link: HTMLAnchorElement, viaFocus: boolean) => {
      const slug = ENTRY_LINK.exec(link.getAttribute("href") ?? "")?.[1];
      if (!slug || link.closest(".card, .breadcrumb, .read-first, .mentioned-in") || (!viaFocus && !fine.matches)) return;
      window.clearTimeout(timer.current);
      const place = (preview: Preview | null) => {
        if (!preview || !link.isConnected) return;
        const box = link.getBoundingClientRect();
        const above = box.bottom + 260 > window.innerHeight && box.top > 280;
        const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - CARD_WIDTH - 8));
        const top = above ? box.top + window.scrollY - 8 : box.bottom + window.scrollY + 8;
        anchor.current?.removeAttribute("aria-describedby");
        anchor.current = link;
        link.setAttribute("aria-describedby", "link-preview");
        setOpen({ preview, top, left, above, id: slug });
      };
      // load() never rejects (a failed fetch gives null), so nothing is left unhandled here.
      timer.current = window.setTimeout(() => void load(slug).then(place), viaFocus ? 0 : DELAY_MS);
    };
    const onOver = (e: Event) => {
      const link = (e.target as Element).closest?.("a");
      if (link && root.contains(link)) show(link, false);
    };
    const onOut = (e: Event) => {
      const link = (e.target as Element).closest?.("a");
      if (link && link === anchor.current) close();
      else window.clearTimeout(timer.current);
    };
    const onFocus = (e: Event) => {
      const link = (e.target as Element).closest?.("a");
      if (link && root.contains(link) && fine.matches) show(link, true);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    root.addEventListener("mouseover", onOver);
    root.addEventListener("mouseout", onOut);
    root.addEventListener("focusin", onFocus);
    root.addEventListener("focusout", close);
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", close, { passive: true });
    return () => {
      root.removeEventListener("mouseover", onOver);
      root.removeEventListener("mouseout", onOut);
      root.removeEventListener("focusin", onFocus);
      root.removeEventListener("focusout", close);
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", close);
    };
  }, [scope]);

  if (!open) return null;
  return (
    <div
      id="link-preview"
      role="tooltip"
      className={`link-preview${open.above ? " link-preview--above" : ""}`}
      style={{ top: open.top, left: open.left, width: CARD_WIDTH }}
      data-slug={open.id}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- our own SVG art: next/image has nothing to optimise, and width/height reserve the space */}
      <img src={open.preview.illustration} alt="" width={320} height={160} />
      <p className="link-preview__title">{open.preview.title}</p>
      <p className="link-preview__definition">{open.preview.definition}</p>
    </div>
  );
}
