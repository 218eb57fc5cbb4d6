"use client";
import { useEffect, useRef } from "react";
import { downsampleTo8x8 } from "../model/digits";

const SIZE = 32;
const BRUSH = 1.7;

type Props = {
  /** A test digit to show (64 cells, 0..16), or null while the reader draws. */
  shown: number[] | null;
  label: number | null;
  onDraw: (cells: number[]) => void;
  onPick: (delta: number) => void;
};

/**
 * A 32×32 ink pad, drawn on with mouse, touch or pen. Each change is reduced to 8×8 cells that
 * count ink per 4×4 block, the way the training digits were made.
 */
export function DrawPad({ shown, label, onDraw, onPick }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ink = useRef(new Uint8Array(SIZE * SIZE));
  const last = useRef<[number, number] | null>(null);
  const pending = useRef(0);

  const paint = (cells: number[] | null) => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const image = context.createImageData(SIZE, SIZE);
    for (let i = 0; i < SIZE * SIZE; i++) {
      const alpha = cells ? cells[Math.floor(Math.floor(i / SIZE) / 4) * 8 + Math.floor((i % SIZE) / 4)] / 16 : ink.current[i];
      image.data.set([0, 0, 0, Math.round(alpha * 255)], i * 4);
    }
    context.putImageData(image, 0, 0);
  };

  useEffect(() => {
    if (shown) {
      ink.current.fill(0);
      paint(shown);
    }
  }, [shown]);

  const stamp = (x: number, y: number) => {
    for (let py = Math.floor(y - BRUSH); py <= Math.ceil(y + BRUSH); py++) {
      for (let px = Math.floor(x - BRUSH); px <= Math.ceil(x + BRUSH); px++) {
        if (px >= 0 && py >= 0 && px < SIZE && py < SIZE && (px + 0.5 - x) ** 2 + (py + 0.5 - y) ** 2 <= BRUSH * BRUSH) ink.current[py * SIZE + px] = 1;
      }
    }
  };

  const point = (event: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) / box.width) * SIZE, ((event.clientY - box.top) / box.height) * SIZE];
  };

  const strokeTo = (p: [number, number]) => {
    const from = last.current ?? p;
    const steps = Math.max(1, Math.ceil(Math.hypot(p[0] - from[0], p[1] - from[1]) * 2));
    for (let s = 0; s <= steps; s++) stamp(from[0] + ((p[0] - from[0]) * s) / steps, from[1] + ((p[1] - from[1]) * s) / steps);
    last.current = p;
    paint(null);
    if (!pending.current) {
      pending.current = requestAnimationFrame(() => {
        pending.current = 0;
        onDraw(downsampleTo8x8(ink.current, SIZE));
      });
    }
  };

  return (
    <div className="lv-pad">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        className="lv-pad__canvas"
        aria-label="Drawing pad: draw a digit with a mouse, finger or pen"
        role="img"
        onPointerDown={(e) => {
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          if (shown) ink.current.fill(0);
          last.current = null;
          strokeTo(point(e));
        }}
        onPointerMove={(e) => {
          if (e.buttons & 1 || e.pointerType === "touch") {
            if (e.currentTarget.hasPointerCapture(e.pointerId)) strokeTo(point(e));
          }
        }}
        onPointerUp={() => (last.current = null)}
      />
      <p className="lv-pad__label">{shown ? (label === null ? "Test digit" : `Test digit labelled ${label}`) : "Your drawing"}</p>
      <div className="lv-pad__buttons">
        <button
          type="button"
          className="widget-button widget-button--quiet"
          onClick={() => {
            ink.current.fill(0);
            paint(null);
            onDraw(new Array<number>(64).fill(0));
          }}
        >
          Clear
        </button>
        <button type="button" className="widget-button widget-button--quiet" aria-label="Previous test digit" onClick={() => onPick(-1)}>
          ◀
        </button>
        <button type="button" className="widget-button widget-button--quiet" aria-label="Next test digit" onClick={() => onPick(1)}>
          ▶
        </button>
      </div>
    </div>
  );
}
