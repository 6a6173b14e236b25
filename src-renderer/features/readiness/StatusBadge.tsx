import type { CheckStatus } from '../../../src-shared/domain/readiness.js';
import { statusGlyphs, statusWords } from './readiness-format.js';

/** A status as colour, shape and word together; the word is what a screen reader hears. */
export function StatusBadge({ status }: { status: CheckStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <span className="status-glyph" aria-hidden="true">
        {statusGlyphs[status]}
      </span>
      <span className="status-word">{statusWords[status]}</span>
    </span>
  );
}
