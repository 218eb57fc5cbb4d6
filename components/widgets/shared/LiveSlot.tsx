"use client";
import dynamic from "next/dynamic";
import { Component, Suspense, type ComponentType, type ReactNode } from "react";
import type { WidgetName } from "../registry";
import type { LiveLoaderProps } from "./LiveLoader";
import { reportWidgetFailure, WidgetFailure } from "./WidgetFailure";

/**
 * The loader behind next/dynamic: it is server-rendered (it shows the still) and its chunk, which
 * holds the registry, is preloaded. Retry calls this again: a new import() of the same chunk.
 * Keep the call exactly so; a second, plain import() of the module makes Turbopack build a second copy.
 */
const makeLoader = () => dynamic(() => import("./LiveLoader"));
const FirstLoader = makeLoader();

type Props = {
  /** The widget's name (its `data-widget`): which live part to load, and what the console names. */
  name: WidgetName;
  /** The state the still shows, normalised on the server; the live part starts from it. */
  initial: unknown;
  /** The still: the widget's Frame rendered on the server with its controls disabled. */
  children: ReactNode;
};

type State = { failed: boolean; Loader: ComponentType<LiveLoaderProps> };

/**
 * Where a widget lives on the page: the still until the reader scrolls near, then the live part.
 * If anything fails (the loader's chunk while the page hydrates, the live part's chunk, or the live
 * part throwing while it renders) the still stays with a Retry notice over it; the article is untouched.
 * Retry makes a fresh loader, which imports the failed chunk again and mounts the live part afresh.
 */
export class LiveSlot extends Component<Props, State> {
  state: State = { failed: false, Loader: FirstLoader };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    reportWidgetFailure(this.props.name, error);
  }

  private retry = () => this.setState({ failed: false, Loader: makeLoader() });

  render() {
    const { name, initial, children: still } = this.props;
    const { failed, Loader } = this.state;
    if (failed) {
      return (
        <div className="widget-holder">
          {still}
          <WidgetFailure onRetry={this.retry} />
        </div>
      );
    }
    const loader = <Loader name={name} initial={initial} still={still} />;
    // The first loader renders with the page (server and hydration); a retried one may wait for its chunk.
    return Loader === FirstLoader ? loader : <Suspense fallback={<div className="widget-holder">{still}</div>}>{loader}</Suspense>;
  }
}
