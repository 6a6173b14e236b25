import type { EventSource, NormalisedEvent, RawFormat } from '../../../src-shared/domain/event.js';

/** One record as it sits in its page: the exact text, and (when the page was parsed already) its value. */
export interface RawRecord {
  text: string;
  value?: unknown;
}

/** Why a record could not become an event: which source, which spelling, which field. */
export interface NormaliseError {
  source: EventSource | null;
  format: string;
  field: string;
  message: string;
}

export type NormaliseResult =
  | { ok: true; event: NormalisedEvent; warnings: string[] }
  | { ok: false; error: NormaliseError };

export type Normaliser = (record: RawRecord) => NormaliseResult;

/** The normalised columns a source-specific builder fills; the frame adds source, spelling and raw. */
export type EventFields = Omit<NormalisedEvent, 'source' | 'raw_format' | 'raw'>;

export interface BuildContext {
  /** The record's exact text (for sources without an id, whose id is derived from it). */
  readonly text: string;
  /** Something was odd but the event is still usable (e.g. an address that is not an IP). */
  warn(message: string): void;
}

export type { EventSource, RawFormat };
