import { closeSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Reads a database file's 100-byte header without SQLite, so a damaged or foreign file is
 * diagnosed before any library opens it (and so before anything could write to it).
 */
export type HeaderVerdict =
  | { kind: 'ok'; pageSize: number; pageCount: number; fileSize: number }
  | { kind: 'empty' }
  | { kind: 'not_sqlite' }
  | { kind: 'truncated'; expectedBytes: number; fileSize: number };

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function inspectSqliteHeader(path: string): HeaderVerdict {
  const fileSize = statSync(path).size;
  if (fileSize === 0) return { kind: 'empty' };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < MAGIC.length || !header.subarray(0, MAGIC.length).equals(MAGIC)) return { kind: 'not_sqlite' };
  if (read < 100) return { kind: 'truncated', expectedBytes: 100, fileSize };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return { kind: 'not_sqlite' };
  // The in-header page count is only trusted when "version-valid-for" matches the change counter.
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  if (fileSize % pageSize !== 0) return { kind: 'truncated', expectedBytes: Math.ceil(fileSize / pageSize) * pageSize, fileSize };
  if (validFor === changeCounter && pageCount > 0 && fileSize < pageCount * pageSize) {
    return { kind: 'truncated', expectedBytes: pageCount * pageSize, fileSize };
  }
  return { kind: 'ok', pageSize, pageCount: fileSize / pageSize, fileSize };
}
