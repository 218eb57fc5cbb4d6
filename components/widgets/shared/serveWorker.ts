/// <reference lib="webworker" />
// The worker side of shared/useWorker.ts: message dispatch, errors as messages, and yielding.
import { errorText } from "./errorText";
import type { WorkerError } from "./useWorker";

/** Posts to the page; `transfer` hands buffers over without copying them. */
export type Post<Out> = (message: Out | WorkerError, transfer?: Transferable[]) => void;

/**
 * Hands every message from the page to `handle`. Whatever it throws, or the promise it returns
 * rejects with, goes back to the page as an "error" message. With `inOrder`, messages are handled
 * one at a time, each after the last has settled, even when one awaits; without it each is handled
 * as it arrives (a Stop must reach a task that is still running). Returns the worker's `post`.
 */
export function serveWorker<In, Out>(handle: (message: In) => unknown, { inOrder = false } = {}): Post<Out> {
  const post: Post<Out> = (message, transfer = []) => self.postMessage(message, transfer);
  const fail = (error: unknown) => post({ type: "error", message: errorText(error) });
  let queue: Promise<unknown> = Promise.resolve();
  self.onmessage = (event: MessageEvent<In>) => {
    if (inOrder) {
      queue = queue.then(() => handle(event.data)).catch(fail);
      return;
    }
    try {
      Promise.resolve(handle(event.data)).catch(fail);
    } catch (error) {
      fail(error);
    }
  };
  return post;
}

/** Lets queued messages (a pause, a Stop) in: a macrotask, without setTimeout's 4 ms clamp. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
