"use client";

/**
 * The notice a widget shows, over its still, when its code could not load or it broke while
 * rendering: what happened, and a real button to try again.
 */
export function WidgetFailure({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="widget-failure">
      <p className="widget-failure__text" role="alert">
        This widget could not load.
      </p>
      <button type="button" className="widget-button widget-button--primary widget-failure__retry" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

/** Says in the console which widget failed and how, with the original error attached. */
export function reportWidgetFailure(name: string, error: unknown) {
  const how = isChunkLoadError(error) ? "failed to load" : "failed while rendering";
  console.error(`[widget ${name}] ${how}:`, error);
}

/** Turbopack and webpack both name a chunk that could not be fetched "ChunkLoadError". */
function isChunkLoadError(error: unknown) {
  return error instanceof Error && (error.name === "ChunkLoadError" || /failed to (load|fetch).*(chunk|module)/i.test(error.message));
}
