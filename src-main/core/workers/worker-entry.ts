import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module that sits beside the caller. In a build, every module is
 * bundled into one folder and the worker is `<name>.mjs` next to the bundle. From source (tests,
 * `npm run cirrus`), the worker is TypeScript and starts through a tiny bootstrap that registers
 * tsx inside the new thread first.
 */
export function startWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const bundled = new URL(`./${name}.mjs`, callerUrl);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, options);
  const source = new URL(`./${name}.ts`, callerUrl);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(`worker module ${name} not found beside ${fileURLToPath(callerUrl)}`);
  }
  const bootstrap = new URL('./tsx-bootstrap.mjs', import.meta.url);
  const workerData: unknown = { ...(options.workerData as object | undefined), __entry: source.href };
  return new Worker(bootstrap, { ...options, workerData });
}
