import type { Page } from '@playwright/test';
import type { ResultFrame } from '../../src-shared/ipc/contract.js';

/**
 * Opens a WebSocket to browser mode from inside the page (so the browser attaches the session
 * cookie and its own Origin, exactly as the renderer's transport does), sends raw frames one at a
 * time and returns the result frame each one produced. Raw strings let a test send garbage.
 */
export async function sendRawFrames(page: Page, frames: string[], timeoutMs = 5_000): Promise<ResultFrame[]> {
  return page.evaluate(
    async ({ frames, timeoutMs }) => {
      const url = `ws://${location.host}/ws`;
      const socket = new WebSocket(url);
      await new Promise<void>((resolve, reject) => {
        socket.onopen = () => resolve();
        socket.onclose = (event) => reject(new Error(`socket closed before opening (${event.code})`));
      });
      const results: unknown[] = [];
      let waiting: ((frame: unknown) => void) | undefined;
      socket.onmessage = (event) => {
        const frame: unknown = JSON.parse(String(event.data));
        if ((frame as { type?: unknown }).type === 'result') waiting?.(frame);
      };
      for (const frame of frames) {
        const answer = new Promise<unknown>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no answer to ${frame.slice(0, 80)}`)), timeoutMs);
          waiting = (f) => {
            clearTimeout(timer);
            resolve(f);
          };
        });
        socket.send(frame);
        results.push(await answer);
      }
      socket.close();
      return results;
    },
    { frames, timeoutMs },
  ) as Promise<ResultFrame[]>;
}

/** Tries to open the browser-mode WebSocket at `url` from the current page; true if it opened. */
export async function socketOpens(page: Page, url: string): Promise<boolean> {
  return page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => {
          socket.close();
          resolve(true);
        };
        socket.onclose = () => resolve(false);
      }),
    url,
  );
}
