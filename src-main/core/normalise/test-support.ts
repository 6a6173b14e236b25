import { readFileSync } from 'node:fs';
import { NormalisedEvent } from '../../../src-shared/domain/event.js';
import type { NormaliseResult } from './normalise-types.js';

/** Text of a fixture under ./fixtures (see fixtures/README.md for where each came from). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The non-blank lines of an NDJSON fixture, each exactly as in the file. */
export function fixtureLines(name: string): string[] {
  return fixture(name)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '');
}

/** The event of a successful result, re-checked against the shared schema; fails loudly otherwise. */
export function okEvent(result: NormaliseResult): NormalisedEvent & { warnings: string[] } {
  if (!result.ok) throw new Error(`expected an event, got: ${result.error.message}`);
  return { ...NormalisedEvent.parse(result.event), warnings: result.warnings };
}
