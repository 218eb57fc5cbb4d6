"use client";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { colourTable } from "../shared/palette";
import { useTheme } from "../shared/useTheme";
import { Frame, type PointerHandlers } from "./Frame";
import { PLANE_SIZE } from "./draw/geometry";
import { drawNeuronLines, GRID, paintNeuron } from "./draw/plane";
import { drawPlot, inputAtPixel } from "./draw/plot";
import type { Initial, WidgetState } from "./model/props";

/** The live widget: the same frame as the still, with the plot and the plane drawn by D3. */
export default function LiveActivationFunctions({ initial }: { initial: Initial }) {
  const [state, setState] = useState(initial);
  const theme = useTheme();
  const colours = useMemo(() => colourTable(theme), [theme]);
  const clipId = `af-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;

  const plotSvg = useRef<SVGSVGElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const lines = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  const onChange = useCallback((patch: Partial<WidgetState>) => setState((s) => ({ ...s, ...patch })), []);

  // The plot is drawn in CSS pixels, so it follows the box's size.
  useEffect(() => {
    const box = plotSvg.current?.parentElement;
    if (!box) return;
    const measure = () => setSize((old) => (old && old.width === box.clientWidth && old.height === box.clientHeight ? old : { width: box.clientWidth, height: box.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (plotSvg.current && size) drawPlot(plotSvg.current, size.width, size.height, { fn: state.fn, x: state.x, showSlope: state.showSlope }, clipId);
  }, [size, state.fn, state.x, state.showSlope, clipId]);

  useEffect(() => {
    const neuron = { fn: state.fn, w1: state.w1, w2: state.w2, b: state.b };
    if (canvas.current) paintNeuron(canvas.current, neuron, colours);
    if (lines.current) drawNeuronLines(lines.current, PLANE_SIZE, neuron);
  }, [state.fn, state.w1, state.w2, state.b, colours]);

  // Pointer (mouse, pen, touch): press anywhere on the plot to move x there, drag to follow.
  const moveTo = (event: React.PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = inputAtPixel(event.clientX - box.left, box.width);
    setState((s) => (s.x === x ? s : { ...s, x }));
  };
  const plotPointer: PointerHandlers = {
    onPointerDown: (event) => {
      if (event.button !== 0) return;
      dragging.current = event.pointerId;
      event.currentTarget.setPointerCapture(event.pointerId);
      moveTo(event);
    },
    onPointerMove: (event) => {
      if (dragging.current === event.pointerId) moveTo(event);
    },
    onPointerUp: (event) => {
      if (dragging.current === event.pointerId) dragging.current = null;
    },
    onPointerCancel: () => {
      dragging.current = null;
    },
  };

  // The same element every render, so the memoised neuron panel skips re-rendering on plot moves.
  const plane = useMemo(
    () => (
      <>
        <canvas ref={canvas} width={GRID} height={GRID} aria-hidden="true" />
        <svg ref={lines} aria-hidden="true" />
      </>
    ),
    [],
  );

  return (
    <Frame
      state={state}
      onChange={onChange}
      plotPointer={plotPointer}
      plot={<svg ref={plotSvg} aria-hidden="true" />}
      plane={plane}
    />
  );
}
