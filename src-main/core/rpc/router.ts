import { z } from 'zod';
import { commands, isCommandName, type CommandName, type CommandOutput, type Commands } from '../../../src-shared/ipc/contract.js';
import { CoreError, err, ok, type Result } from '../../../src-shared/ipc/result.js';
import type { Logger } from '../ports.js';

/** A handler receives input already parsed by its schema; it may throw `CoreError` for expected failures. */
export type Handler<K extends CommandName> = (input: z.output<Commands[K]['input']>) => Promise<CommandOutput<K>> | CommandOutput<K>;
export type Handlers = { [K in CommandName]: Handler<K> };

export interface Router {
  route(name: unknown, input: unknown): Promise<Result<unknown>>;
}

/** Turns zod issues into the contract's `details` list: a path a UI can put next to the right field. */
export const issuesToDetails = (error: z.ZodError): { path: string; message: string }[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', message: issue.message }));

/**
 * The single entry for every transport. Every inbound message is hostile until its schema
 * says otherwise; nothing thrown inside a handler crosses the boundary as an exception.
 */
export function createRouter(handlers: Handlers, logger: Logger): Router {
  return {
    async route(name, input) {
      if (!isCommandName(name)) {
        const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : typeof name;
        return err('unknown_command', `Unknown command ${shown}.`);
      }
      const parsed = commands[name].input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = issuesToDetails(parsed.error);
        const first = details[0];
        return err('validation', `Invalid input for ${name}: ${first ? `${first.path}: ${first.message}` : 'rejected'}.`, details);
      }
      try {
        const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
        return ok(await handler(parsed.data));
      } catch (e) {
        if (e instanceof CoreError) return err(e.code, e.message, e.details);
        logger.error('command failed', { command: name, error: e instanceof Error ? e.stack ?? e.message : String(e) });
        return err('internal', `${name} failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}
