import type { Logger } from '../../core/ports.js';

/**
 * Log lines for browser mode go to stderr, so stdout carries only the lines a responder (or a
 * script waiting for the URL) reads. Fields are JSON; callers never pass tokens.
 */
export function createStreamLogger(write: (line: string) => void): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(`${new Date().toISOString()} ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}
