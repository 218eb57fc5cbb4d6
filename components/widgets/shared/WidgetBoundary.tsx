"use client";
import { Component, createRef, Suspense, type ComponentType } from "react";
import { reportWidgetFailure, WidgetFailure } from "./WidgetFailure";
import { WidgetName } from "./WidgetName";

type Props<P> = {
  name: string;
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
  private slot = createRef<HTMLDivElement>();
  /** The still's markup as the server sent it, read once when the widget first fails. */
  private stillHtml: string | null = null;

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    reportWidgetFailure(this.props.name, error);
  }

  private retry = () => this.setState({ failed: false, Fresh: this.props.makeDynamic() });

  render() {
    const { name, Dynamic, props } = this.props;
    const { failed, Fresh } = this.state;
    if (failed) {
      // Read before React commits the failure and drops the server's markup with the module's tree.
      this.stillHtml ??= this.slot.current?.querySelector(".widget-holder")?.innerHTML ?? "";
      return <FailedStill html={this.stillHtml} onRetry={this.retry} />;
    }
    return (
      <WidgetName.Provider value={name}>
        <div ref={this.slot} className="widget-slot">
          {Fresh ? (
            <Suspense fallback={<FailedStill html={this.stillHtml ?? ""} />}>
              <Fresh {...props} />
            </Suspense>
          ) : (
            <Dynamic {...props} />
          )}
        </div>
      </WidgetName.Provider>
    );
  }
}

/** The server's still, as static markup (its controls are disabled anyway), and the notice. */
function FailedStill({ html, onRetry }: { html: string; onRetry?: () => void }) {
  return (
    <div className="widget-slot">
      <div className="widget-holder">
        <div className="widget-slot" dangerouslySetInnerHTML={{ __html: html }} />
        {onRetry && <WidgetFailure onRetry={onRetry} />}
      </div>
    </div>
  );
}

/**
 * The component MDX maps for a widget: its next/dynamic module inside the boundary above.
 * `makeDynamic` is `() => dynamic(() => import("./Lazy<Name>"))`: one call here, at module level as
 * next/dynamic wants, and one more per Retry. Each call loads the same chunk.
 */
export function withWidgetBoundary<P extends object>(name: string, makeDynamic: () => ComponentType<P>) {
  const Dynamic = makeDynamic();
  function Widget(props: P) {
    return <WidgetBoundary name={name} Dynamic={Dynamic} makeDynamic={makeDynamic} props={props} />;
  }
  Widget.displayName = `Widget(${name})`;
  return Widget;
}
