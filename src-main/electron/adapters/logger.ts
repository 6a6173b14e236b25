import type { Logger } from '../../core/ports.js';

/** Where lines go: `console` in the app, a recorder in tests. */
export interface LogSink {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/**
 * Field names whose values are never printed, whatever a caller passes. The core promises not to
 * log secrets; this is the second fence, because a log file ends up attached to tickets.
 */
const SECRET_FIELD = /token|secret|password|passwd|authorization|cookie|assertion|credential|code_?verifier|api_?key/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SECRET_FIELD.test(key) ? '[redacted]' : value;
  }
  return out;
}

function format(level: string, message: string, fields?: Record<string, unknown>): string {
  const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redact(fields))}` : '';
  return `[cirrus] ${level} ${message}${suffix}`;
}

/** The shell's logger: one line per entry on the console, secret-looking fields redacted. */
export function createConsoleLogger(sink: LogSink): Logger {
  return {
    info: (message, fields) => sink.info(format('info', message, fields)),
    warn: (message, fields) => sink.warn(format('warn', message, fields)),
    error: (message, fields) => sink.error(format('error', message, fields)),
  };
}
