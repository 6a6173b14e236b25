import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { startWorker } from '../workers/worker-entry.js';
import type { WriterInit, WriterMessage, WriterOpName, WriterRequest } from './writer-protocol.js';
import type { WriterOpArgs, WriterOpResult, WriterOps } from './writer-ops.js';

export interface WriterClient {
  run<K extends keyof WriterOps>(op: K, args: WriterOpArgs<K>): Promise<WriterOpResult<K>>;
  /** A port on which another thread may run the named ops directly (its requests skip this thread). */
  attach(ops: WriterOpName[]): Promise<MessagePort>;
  /** Flushes, checkpoints and closes the connection, then ends the thread. */
  close(): Promise<void>;
  readonly migratedFrom: number;
  readonly migratedTo: number;
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** Starts the writer thread for one case and resolves once it has opened and migrated the database. */
export function startWriter(init: WriterInit): Promise<WriterClient> {
  const worker: Worker = startWorker(import.meta.url, 'writer-worker', { workerData: init });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let exited = false;

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  return new Promise<WriterClient>((resolveReady, rejectReady) => {
    let ready = false;
    worker.on('message', (message: WriterMessage) => {
      if (message.type === 'ready') {
        ready = true;
        resolveReady(client(message.migratedFrom, message.migratedTo));
      } else if (message.type === 'failed') {
        rejectReady(new CoreError(message.error.code, message.error.message));
      } else {
        const p = pending.get(message.id);
        if (!p) return;
        pending.delete(message.id);
        if (message.ok) p.resolve(message.value);
        else p.reject(new CoreError(message.error.code, message.error.message));
      }
    });
    worker.on('error', (e) => {
      const error = new CoreError('internal', `case writer stopped: ${e.message}`);
      if (!ready) rejectReady(error);
      failAll(error);
    });
    worker.on('exit', (code) => {
      exited = true;
      const error = new CoreError('internal', `case writer exited (code ${code})`);
      if (!ready) rejectReady(error);
      failAll(error);
    });

    function send(request: WriterRequest): Promise<unknown> {
      if (exited) return Promise.reject(new CoreError('no_case_open', 'The case writer is not running.'));
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        worker.postMessage(request, request.type === 'attach' ? [request.port] : []);
      });
    }

    function client(migratedFrom: number, migratedTo: number): WriterClient {
      return {
        migratedFrom,
        migratedTo,
        run(op, args) {
          return send({ type: 'op', id: nextId++, op, args }) as Promise<WriterOpResult<typeof op>>;
        },
        async attach(ops) {
          const channel = new MessageChannel();
          await send({ type: 'attach', id: nextId++, port: channel.port1, ops });
          return channel.port2;
        },
        async close() {
          if (exited) return;
          await send({ type: 'close', id: nextId++ });
          await new Promise<void>((resolve) => (exited ? resolve() : worker.once('exit', () => resolve())));
        },
      };
    }
  });
}
