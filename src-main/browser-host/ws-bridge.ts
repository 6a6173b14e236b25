import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { ServerFrame } from '../../src-shared/ipc/contract.js';
import { err } from '../../src-shared/ipc/result.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/ports.js';
import { decodeCallFrame, encodeServerFrame } from './frame-codec.js';

/** Largest call frame accepted. Calls carry small inputs; bulk data never travels renderer → core. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/** A client that stops reading is dropped before its backlog costs the workstation memory. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** How long sockets get to finish the closing handshake when the host stops. */
const CLOSE_GRACE_MS = 500;

export interface WsBridgeOptions {
  core: Core;
  logger: Logger;
  maxFrameBytes?: number;
}

export interface WsBridge {
  /** Completes an upgrade the caller has already authenticated (Host, Origin, cookie). */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * The browser-mode transport: the same name-keyed calls as Electron's `ir:call`, carried as
 * JSON frames. The core router validates every input; this layer only guarantees that whatever
 * arrives is answered with a typed result and that no frame can take the process down.
 */
export function createWsBridge({ core, logger, maxFrameBytes = MAX_FRAME_BYTES }: WsBridgeOptions): WsBridge {
  // ws enforces a hard cap at twice the limit (the frame is never buffered beyond it); frames
  // between the limit and the cap are closed here with a reason the client can show.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes * 2, perMessageDeflate: false });
  const clients = new Set<WebSocket>();

  const send = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1008, 'Client is not reading its messages.');
      return;
    }
    ws.send(text);
  };

  const answer = async (ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> => {
    const bytes = toBuffer(data);
    const size = bytes.byteLength;
    if (size > maxFrameBytes) {
      ws.close(1009, `Frame of ${size} bytes exceeds the ${maxFrameBytes}-byte limit.`);
      return;
    }
    if (isBinary) {
      send(ws, encodeServerFrame({ type: 'result', id: -1, result: err('validation', 'Binary frames are not accepted.') }));
      return;
    }
    const decoded = decodeCallFrame(bytes.toString('utf8'));
    if (!decoded.ok) {
      send(ws, encodeServerFrame({ type: 'result', id: decoded.id, result: decoded.error }));
      return;
    }
    const { id, name, input } = decoded.frame;
    let frame: ServerFrame;
    try {
      frame = { type: 'result', id, result: await core.route(name, input) };
    } catch (error) {
      // core.route promises never to reject; if it does, the caller still gets an answer.
      logger.error('core.route rejected', { command: name, error: String(error) });
      frame = { type: 'result', id, result: err('internal', 'The command failed unexpectedly.') };
    }
    send(ws, encodeServerFrame(frame));
  };

  const unsubscribe = core.onEvent((event) => {
    let text: string;
    try {
      text = encodeServerFrame({ type: 'event', event });
    } catch (error) {
      logger.error('event dropped', { error: String(error) });
      return;
    }
    for (const ws of clients) send(ws, text);
  });

  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('message', (data, isBinary) => {
      answer(ws, data, isBinary).catch((error: unknown) => logger.error('websocket frame failed', { error: String(error) }));
    });
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => logger.warn('websocket error', { error: error.message }));
  });

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    async close() {
      unsubscribe();
      const closed = [...clients].map((ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())));
      for (const ws of clients) ws.close(1001, 'Cirrus browser mode is shutting down.');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
      await Promise.race([Promise.all(closed), grace]);
      clearTimeout(timer);
      for (const ws of clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
