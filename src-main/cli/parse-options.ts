import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CoreError } from '../../src-shared/ipc/result.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: unknown flags and stray words are errors that name the flag. */
export function parseOptions<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new CoreError('validation', e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(e));
  }
}

/** Reports a missing required option the same way for every command. */
export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new CoreError('validation', `missing required option ${flag}`);
  return value;
}
