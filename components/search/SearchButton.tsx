"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ComponentType } from "react";
// Types only: the dialog, MiniSearch and the index are fetched when search first opens.
import type { SearchIndex } from "@/lib/search";
import type { SearchDialogProps } from "./SearchDialog";
import "./search.css";

type Loaded = { Dialog: ComponentType<SearchDialogProps>; index: SearchIndex };

async function loadSearch(): Promise<Loaded> {
  const [module, json] = await Promise.all([
    import("./SearchDialog"),
    fetch("/search-index.json").then((response) => {
      if (!response.ok) throw new Error(`/search-index.json answered ${response.status}`);
      return response.text();
    }),
  ]);
  return { Dialog: module.SearchDialog, index: module.loadIndex(json) };
}

/** Typing in a field: "/" is a character there, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

const subscribeToNothing = () => () => {};

/** False in the server's HTML and while hydrating, true once the page runs in the browser. */
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}

/**
 * The header's search button. Without JavaScript it is a form that goes to /search; with it, it
 * opens the search dialog (also on "/" and Ctrl/⌘-K), loading the dialog and index the first time.
 */
export function SearchButton() {
  const button = useRef<HTMLButtonElement>(null);
  const loading = useRef<Promise<Loaded> | null>(null);
  const enhanced = useHydrated();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // What the reader types between the shortcut and the dialog's arrival, so no letter is lost.
  const [early, setEarly] = useState("");

  const openSearch = useCallback(() => {
    setOpen(true);
    loading.current ??= loadSearch();
    loading.current.then(setLoaded, () => {
      // No index (offline, or a failed deploy): the search page does the same job on the server.
      loading.current = null;
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the client code may be what failed
      window.location.assign("/search");
    });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (commandK || slash) {
        event.preventDefault();
        openSearch();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [openSearch]);

  useEffect(() => {
    if (!open || loaded) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      // Once the dialog has arrived its input has focus and takes the keys itself.
      if (event.target instanceof Element && event.target.closest("dialog")) return;
      if (event.key === "Escape") setOpen(false);
      else if (event.key === "Backspace") setEarly((text) => text.slice(0, -1));
      else if (event.key.length === 1) setEarly((text) => text + event.key);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [open, loaded]);

  const onClose = useCallback(() => {
    setOpen(false);
    setEarly("");
    button.current?.focus();
  }, []);

  return (
    <>
      <form
        action="/search"
        className="search-launch"
        onSubmit={(event) => {
          event.preventDefault();
          openSearch();
        }}
      >
        <button
          ref={button}
          type="submit"
          className="search-launch__button"
          aria-haspopup={enhanced ? "dialog" : undefined}
          aria-keyshortcuts={enhanced ? "/ Control+K Meta+K" : undefined}
          aria-busy={open && !loaded ? true : undefined}
        >
          <svg className="search-launch__icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.75" />
            <path d="M12.75 12.75 17 17" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
          <span className="search-launch__label">Search</span>
          {enhanced && (
            <kbd className="search-launch__key" aria-hidden="true">
              /
            </kbd>
          )}
        </button>
      </form>
      {loaded && <loaded.Dialog index={loaded.index} open={open} initialQuery={early} onClose={onClose} />}
    </>
  );
}
