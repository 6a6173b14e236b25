import { join, resolve } from 'node:path';
import { TimelineCursorText, TimelineFilter, type TimelineCursor } from '../../../src-shared/domain/timeline-filter.js';
import { PAGE_LIMIT_MAX, type TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { CASE_DB_FILE } from '../../core/db/case-files.js';
import { openCaseReadOnly } from '../../core/db/open-case-db.js';
import { runReaderQuery } from '../../core/timeline/run-query.js';
import { registerTimelineFunctions } from '../../core/timeline/sql-functions.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';

/**
 * `cirrus timeline`: one page of a case's timeline, read-only (no lock, no custody entry, the
 * file untouched), with the same filter model and query engine as the Timeline page.
 */

const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** ISO 8601 date or date-time; without a zone it is UTC (the timeline's zone). */
export function parseCliTime(text: string, flag: string): number {
  const trimmed = text.trim();
  let ms = NaN;
  if (ISO.test(trimmed)) {
    const hasTime = trimmed.includes('T');
    const hasZone = hasTime && /(?:Z|[+-]\d{2}:\d{2})$/.test(trimmed);
    ms = Date.parse(!hasTime ? `${trimmed}T00:00:00Z` : hasZone ? trimmed : `${trimmed}Z`);
    // Date.parse rolls 2026-02-31 over into March; a day that does not exist is an error here.
    const [y, m, d] = trimmed.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d || m < 1 || m > 12) ms = NaN;
  }
  if (Number.isNaN(ms)) {
    throw new CoreError('validation', `${flag}: not a date or time: ${JSON.stringify(text)} (use ISO 8601, e.g. 2026-11-20 or 2026-11-20T10:00:00Z; no zone means UTC)`);
  }
  return ms;
}

/** The flag a filter field came from, so a refused value is reported by the name the user typed. */
const FLAG_OF: Record<string, string> = { sources: '--source', actors: '--actor', ips: '--ip', operations: '--op', text: '--text', to: '--to', from: '--from' };

function cursorFrom(text: string, flag: string, direction: TimelineCursor['direction']): TimelineCursor {
  const parsed = TimelineCursorText.safeParse(text.trim());
  if (!parsed.success) throw new CoreError('validation', `${flag}: ${parsed.error.issues[0]?.message ?? 'not a cursor'}`);
  return { ...parsed.data, direction };
}

function printRows(rows: TimelineRow[], io: CliIo): void {
  for (const r of rows) {
    const cells = [new Date(r.ts).toISOString(), r.source, r.operation, r.actor ?? '-', r.ip ?? '-', r.result ?? '-', `#${r.id}`];
    io.out(cells.join('  '));
  }
}

export const timelineCommand: CliCommand = {
  words: ['timeline'],
  summary: 'Print one page of a case\'s timeline, filtered (read-only)',
  help: [
    'Usage: cirrus timeline --case DIR [--from ISO] [--to ISO] [--source S] [--actor A] [--ip IP|CIDR] [--op OP]',
    '                       [--text T] [--limit N] [--after CURSOR | --before CURSOR] [--json]',
    '',
    'Reads the case without changing anything on disk. Times are UTC. Filter flags may repeat (any value matches);',
    'different flags must all match. --text terms are words or "quoted phrases", all of which must occur.',
    '  --case DIR        case folder',
    '  --from ISO        first time shown (inclusive), e.g. 2026-11-20 or 2026-11-20T10:00:00Z',
    '  --to ISO          end of the range (exclusive)',
    '  --source S        ual, signin, directory_audit, azure_activity, devops_audit',
    '  --actor A         user (UPN, any case) or app name',
    '  --ip IP           address or CIDR block (10.0.0.0/8, 2001:db8::/32)',
    '  --op OP           operation, e.g. New-InboxRule',
    '  --text T          full-text search over the events',
    `  --limit N         rows per page (1-${PAGE_LIMIT_MAX}, default 50)`,
    '  --after CURSOR    the page after a cursor printed by an earlier run',
    '  --before CURSOR   the page before a cursor printed by an earlier run',
    '  --json            {rows, prev, next} as JSON',
    '',
    'Example: npm run cirrus -- timeline --case ./cases/bec-01 --actor a.user@contoso.com --from 2026-11-20',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, {
        case: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        source: { type: 'string', multiple: true },
        actor: { type: 'string', multiple: true },
        ip: { type: 'string', multiple: true },
        op: { type: 'string', multiple: true },
        text: { type: 'string', multiple: true },
        limit: { type: 'string' },
        after: { type: 'string' },
        before: { type: 'string' },
        json: { type: 'boolean' },
      });
      const dir = required(o.case, '--case');
      if (o.after !== undefined && o.before !== undefined) throw new CoreError('validation', '--after and --before: give one of them, not both');
      const limit = o.limit === undefined ? 50 : Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT_MAX) throw new CoreError('validation', `--limit: must be a whole number from 1 to ${PAGE_LIMIT_MAX}, not ${JSON.stringify(o.limit)}`);
      const parsed = TimelineFilter.safeParse({
        ...(o.from !== undefined ? { from: parseCliTime(o.from, '--from') } : {}),
        ...(o.to !== undefined ? { to: parseCliTime(o.to, '--to') } : {}),
        sources: { include: o.source ?? [] },
        actors: { include: o.actor ?? [] },
        ips: { include: o.ip ?? [] },
        operations: { include: o.op ?? [] },
        text: { include: o.text ?? [] },
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const flag = FLAG_OF[String(issue?.path[0] ?? '')] ?? 'filter';
        throw new CoreError('validation', `${flag}: ${issue?.message ?? 'rejected'}`);
      }
      const cursor = o.after !== undefined ? cursorFrom(o.after, '--after', 'after') : o.before !== undefined ? cursorFrom(o.before, '--before', 'before') : undefined;

      // No full integrity scan: it reads the whole file (minutes on a large case) for one page of rows.
      const db = openCaseReadOnly(join(resolve(dir), CASE_DB_FILE), { integrity: false });
      try {
        registerTimelineFunctions(db);
        const page = runReaderQuery(db, { kind: 'page', request: { filter: parsed.data, cursor, limit } });
        if (o.json) {
          io.out(JSON.stringify({ rows: page.rows, prev: page.prev, next: page.next }, null, 2));
        } else {
          printRows(page.rows, io);
          if (page.rows.length === 0) io.err('No events match.');
          if (page.next) io.err(`More: --after ${page.next}`);
          if (page.prev) io.err(`Earlier: --before ${page.prev}`);
        }
        return 0;
      } finally {
        db.close();
      }
    }),
};
