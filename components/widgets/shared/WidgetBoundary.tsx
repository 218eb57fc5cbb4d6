"use client";
import { Component, Suspense, type ComponentType } from "react";
import { reportWidgetFailure, WidgetFailure } from "./WidgetFailure";

type Props<P> = {
  /** The name MDX knows the widget by ("LayerVisualizer"). Not its `data-widget`: the wrappers that
   * pass it ride on every entry, and widget-free entries must carry nothing of any widget's. */
  component: string;
  /** Marks this widget's place in the page, so its server markup can be found again. */
  slotKey: string;
  /** The widget's still-and-loader module behind next/dynamic (server-rendered, its chunk preloaded). */
  Dynamic: ComponentType<P>;
  /** Makes another next/dynamic component for the same module, for Retry. */
  makeDynamic: () => ComponentType<P>;
  props: P;
};

type State<P> = { failed: boolean; Fresh: ComponentType<P> | null };

/**
 * Around a widget's next/dynamic module: if that chunk cannot load (or the still throws), the
 * article stays and the widget's place shows the server-rendered still with a Retry notice,
 * instead of Next's error screen replacing the page.
 *
 * A next/dynamic component keeps the rejected promise of its one React.lazy for good, so Retry
 * makes a new one: its lazy() calls import() afresh, and Turbopack, which forgets a chunk whose
 * load failed, fetches that same chunk again.
 */
class WidgetBoundary<P extends object> extends Component<Props<P>, State<P>> {
  state: State<P> = { failed: false, Fresh: null };
  /** The still's markup as the server sent it, read once when the widget first fails. */
  private stillHtml: string | null = null;

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    // The still the server sent says which widget this is; a page reached by a client-side
    // navigation has none, and the component's name has to do.
    const name = /data-widget="([^"]+)"/.exec(this.stillHtml ?? "")?.[1] ?? this.props.component;
    reportWidgetFailure(name, error);
  }

  private retry = () => this.setState({ failed: false, Fresh: this.props.makeDynamic() });

  render() {
    const { Dynamic, props } = this.props;
    const { failed, Fresh } = this.state;
    if (failed) {
      // When the chunk fails during hydration this boundary has not mounted yet (no ref to use), but
      // the server's markup is still in the document until React commits this render: read it now.
      this.stillHtml ??= serverStill(this.props.slotKey);
      return <FailedStill html={this.stillHtml} onRetry={this.retry} />;
    }
    return (
      <div className="widget-slot" data-widget-slot={this.props.slotKey}>
        {Fresh ? (
          <Suspense fallback={<FailedStill html={this.stillHtml ?? ""} />}>
            <Fresh {...props} />
          </Suspense>
        ) : (
          <Dynamic {...props} />
        )}
      </div>
    );
  }
}

/** The still inside the slot marked `slotKey`, as markup ("" when there is none, as after a client navigation). */
function serverStill(slotKey: string): string {
  if (typeof document === "undefined") return "";
  const slot = [...document.querySelectorAll<HTMLElement>("[data-widget-slot]")].find((element) => element.dataset.widgetSlot === slotKey);
  return slot?.querySelector(".widget-holder")?.innerHTML ?? "";
}

/** The server's still, as static markup (its controls are disabled anyway), and the notice. */
function FailedStill({ html, onRetry }: { html: string; onRetry?: () => void }) {
  return (
    <div className="widget-slot">
      <div className="widget-holder">
        <div className="widget-slot" dangerouslySetInnerHTML={{ __html: html }} />
        {onRetry && <WidgetFailure onRetry={onRetry} alone={html === ""} />}
      </div>
    </div>
  );
}

/**
 * The component MDX maps for a widget: its next/dynamic module inside the boundary above.
 * `makeDynamic` is `() => dynamic(() => import("./Lazy<Name>"))`: one call here, at module level as
 * next/dynamic wants, and one more per Retry. Each call loads the same chunk.
 */
export function withWidgetBoundary<P extends object>(component: string, makeDynamic: () => ComponentType<P>) {
  const Dynamic = makeDynamic();
  function Widget(props: P) {
    // Not useId: a failed hydration renders this afresh, and a fresh useId differs from the server's.
    // Two widgets with the same component and props have the same still: either one's markup will do.
    const slotKey = `${component} ${JSON.stringify(props)}`;
    return <WidgetBoundary component={component} slotKey={slotKey} Dynamic={Dynamic} makeDynamic={makeDynamic} props={props} />;
  }
  Widget.displayName = `Widget(${component})`;
  return Widget;
}
