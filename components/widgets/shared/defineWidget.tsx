import type { ReactNode } from "react";
import type { WidgetName } from "../registry";
import { LiveSlot } from "./LiveSlot";

/**
 * A widget as MDX uses it: a Server Component that normalises the entry's props (`model/props.ts`),
 * renders the still on the server and hands both to LiveSlot, which swaps in the live part (the
 * registry's entry under `name`) when the reader nears it. The still ships no code of its own.
 */
export function defineWidget<P, I>(name: WidgetName, normalize: (props: P) => I, Still: (props: { initial: I }) => ReactNode) {
  function Widget(props: P) {
    const initial = normalize(props);
    return (
      <LiveSlot name={name} initial={initial}>
        <Still initial={initial} />
      </LiveSlot>
    );
  }
  Widget.displayName = `Widget(${name})`;
  return Widget;
}
