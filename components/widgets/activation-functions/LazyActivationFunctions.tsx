"use client";
// What an entry with this widget loads up front: a server-rendered still that holds the widget's
// exact place, and an observer that fetches the live widget (and D3) when the reader nears it.
import { LazyMount } from "../shared/LazyMount";
import { Frame } from "./Frame";
import { initialState, type WidgetProps, type WidgetState } from "./model/state";
import { StillPlane, StillPlot } from "./stills";

const noop = () => {};
const loadLive = () => import("./LiveActivationFunctions");

function Still({ state }: { state: WidgetState }) {
  return <Frame live={false} state={state} plot={<StillPlot state={state} />} plane={<StillPlane state={state} />} onChange={noop} />;
}

export default function LazyActivationFunctions(props: WidgetProps) {
  const state = initialState(props);
  return <LazyMount name="activation-functions" still={<Still state={state} />} load={loadLive} props={{ initial: state }} />;
}
