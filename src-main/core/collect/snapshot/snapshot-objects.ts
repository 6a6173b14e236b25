import { createHash } from 'node:crypto';
import { z } from 'zod';
import { shapeOf } from '../http/paging.js';
import type { ApiPage } from '../http/api-types.js';

/**
 * Objects of a snapshot page as they are kept in the case: each under its kind and a key that
 * names it within the tenant (a Graph id, a mailbox address, a rule's identity), credentials
 * reduced to their metadata. The page itself stays as received in the evidence store.
 */
export interface SnapshotObject {
  kind: string;
  key: string;
  data: Record<string, unknown>;
}

const objectPage = z.object({ value: z.array(z.record(z.string(), z.unknown())) }).loose();

/** The objects (`value` items) of a Graph collection or Exchange cmdlet page. */
export function pageItems(page: ApiPage): Record<string, unknown>[] {
  return shapeOf(objectPage, page, 'a collection of objects').value;
}

const CREDENTIAL_LISTS = ['passwordCredentials', 'keyCredentials'] as const;
/** What a credential entry may carry that is not metadata: a password's text, a key's bytes. */
const CREDENTIAL_VALUES = new Set(['secretText', 'key']);

/**
 * Credential entries without their values. Graph lists never fill these in, but the snapshot is
 * read by many people and kept for years: it holds what identifies a credential and when it is
 * valid, and never anything that would let someone use it.
 */
export function withoutCredentialValues(item: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | null = null;
  for (const list of CREDENTIAL_LISTS) {
    const entries = item[list];
    if (!Array.isArray(entries)) continue;
    copy ??= { ...item };
    copy[list] = entries.map((entry: unknown) =>
      typeof entry === 'object' && entry !== null ? Object.fromEntries(Object.entries(entry).filter(([k]) => !CREDENTIAL_VALUES.has(k))) : entry,
    );
  }
  return copy ?? item;
}

/** First non-empty text among the fields, or null. */
export function textField(item: Record<string, unknown>, ...fields: string[]): string | null {
  for (const f of fields) {
    const v = item[f];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

/** A key for an object that names none: its content's hash, so the same object keeps one key. */
export function contentKey(item: Record<string, unknown>): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 32)}`;
}
