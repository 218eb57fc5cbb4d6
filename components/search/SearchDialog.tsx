"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { searchEntries, type SearchIndex } from "@/lib/search";
import { entryPath } from "@/lib/site";

export { loadIndex } from "@/lib/search";

export type SearchDialogProps = {
  index: SearchIndex;
  open: boolean;
  /** Letters typed before the dialog arrived. */
  initialQuery: string;
  /** Called whenever the dialog closes, however it was closed. */
  onClose: () => void;
};

/** Results shown in the dialog; the /search page lists them all. */
const SHOWN = 8;

const searchPath = (query: string) => `/search?q=${encodeURIComponent(query.trim())}`;
const count = (n: number) => `${n} ${n === 1 ? "result" : "results"}`;

/**
 * A modal search box over the glossary: results as you type, arrow keys move through them, Enter
 * opens one (or, with none chosen, the full results page), Escape closes. The input is a combobox
 * that owns a listbox of links, so focus never leaves the input.
 */
export function SearchDialog({ index, open, initialQuery, onClose }: SearchDialogProps) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  const id = useId();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(-1);

  const hits = useMemo(() => searchEntries(index, query), [index, query]);
  const shown = hits.slice(0, SHOWN);
  const optionId = (i: number) => `${id}-option-${i}`;
  const typed = query.trim() !== "";

  // Layout effect: the dialog is open and focused before the next keystroke is handled.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      const box = input.current;
      if (!box) return;
      box.focus();
      // Reopened: the last query, selected so typing replaces it. Just arrived with letters typed
      // while it loaded: the caret after them, so typing goes on.
      if (opened.current) box.select();
      else box.setSelectionRange(box.value.length, box.value.length);
      opened.current = true;
    } else if (!open && element.open) element.close();
  }, [open]);

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    router.prefetch(entryPath(shown[active].slug));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active result changes
  }, [active]);

  // Back or forward while the dialog is open: the new page should not sit under an old search.
  const pathname = usePathname();
  const shownOn = useRef(pathname);
  useEffect(() => {
    if (pathname !== shownOn.current) dialog.current?.close();
    shownOn.current = pathname;
  }, [pathname]);

  const go = (href: string) => {
    router.push(href);
    dialog.current?.close();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    const n = shown.length;
    if (event.key === "ArrowDown" && n > 0) setActive((i) => (i + 1) % n);
    else if (event.key === "ArrowUp" && n > 0) setActive((i) => (i <= 0 ? n - 1 : i - 1));
    else if (event.key === "Escape") dialog.current?.close();
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-labelledby={`${id}-label`}
      onClose={onClose}
      // A click on the dialog element itself is a click on the backdrop: its content fills it.
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current.close();
      }}
    >
      <div className="search-dialog__panel">
        <form
          role="search"
          action="/search"
          method="get"
          className="search-dialog__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (active >= 0 && shown[active]) go(entryPath(shown[active].slug));
            else if (typed) go(searchPath(query));
          }}
        >
          <label id={`${id}-label`} htmlFor={`${id}-input`} className="visually-hidden">
            Search the glossary
          </label>
          <svg className="search-dialog__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" strokeWidth="1.75" />
            <path d="M12.75 12.75 17 17" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            id={`${id}-input`}
            className="search-dialog__input"
            type="search"
            name="q"
            value={query}
            placeholder="Search terms, e.g. neural network"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="search"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown.length > 0}
            aria-controls={shown.length > 0 ? `${id}-list` : undefined}
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="search-dialog__close" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </form>

        <div className="search-dialog__body">
          <p role="status" className="search-dialog__status">
            {!typed ? "" : hits.length === 0 ? `No results for “${query.trim()}”` : count(hits.length)}
          </p>
          {!typed && <p className="search-dialog__hint">Type a term, an abbreviation such as LLM, or a word from a definition. Small typos are fine.</p>}
          {typed && hits.length === 0 && (
            <p className="search-dialog__hint">
              Try fewer letters, another spelling, or{" "}
              <Link href="/glossary" onClick={() => dialog.current?.close()}>
                browse every term A to Z
              </Link>
              .
            </p>
          )}
          {shown.length > 0 && (
            <div id={`${id}-list`} role="listbox" aria-label="Results" className="search-dialog__results">
              {shown.map((hit, i) => (
                <Link
                  key={hit.slug}
                  id={optionId(i)}
                  href={entryPath(hit.slug)}
                  prefetch={false}
                  role="option"
                  aria-selected={i === active}
                  aria-labelledby={`${optionId(i)}-title`}
                  aria-describedby={`${optionId(i)}-definition`}
                  tabIndex={-1}
                  className="search-result"
                  onMouseMove={() => active !== i && setActive(i)}
                  onClick={() => dialog.current?.close()}
                >
                  <span id={`${optionId(i)}-title`} className="search-result__title">
                    {hit.title}
                  </span>
                  <span id={`${optionId(i)}-definition`} className="search-result__definition">
                    {hit.definition}
                  </span>
                </Link>
              ))}
            </div>
          )}
          {hits.length > SHOWN && (
            <p className="search-dialog__more">
              <Link href={searchPath(query)} onClick={() => dialog.current?.close()}>
                All {count(hits.length)} for “{query.trim()}”
              </Link>
            </p>
          )}
        </div>

        <p className="search-dialog__keys" aria-hidden="true">
          <span>
            <kbd>↑</kbd>
            <kbd>↓</kbd> move
          </span>
          <span>
            <kbd>Enter</kbd> open
          </span>
          <span>
            <kbd>Esc</kbd> close
          </span>
        </p>
      </div>
    </dialog>
  );
}
