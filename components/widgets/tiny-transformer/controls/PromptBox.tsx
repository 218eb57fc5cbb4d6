import { memo, type Ref } from "react";
import { MAX_PROMPT_CHARACTERS } from "../model/props";

/**
 * The prompt, uncontrolled and memoised: React never writes it back while the reader types (the
 * live widget sets its value itself when Generate adds a piece), so a keystroke costs no render.
 */
export const PromptBox = memo(function PromptBox({ initialText, textRef, onText }: { initialText: string; textRef?: Ref<HTMLTextAreaElement>; onText?: () => void }) {
  return (
    <label className="tt-prompt">
      <span className="tt-prompt__label">Your prompt</span>
      <textarea
        ref={textRef}
        defaultValue={initialText}
        onChange={onText}
        disabled={!onText}
        readOnly={!onText}
        maxLength={MAX_PROMPT_CHARACTERS}
        rows={2}
        spellCheck={false}
        autoComplete="off"
      />
    </label>
  );
});
