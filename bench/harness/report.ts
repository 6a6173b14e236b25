import type { ScenarioResult } from './types.js';

const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')}${unit}`);

/** One Markdown table for a set of scenario results: figures, then ratios, then targets. */
export function markdownTable(results: ScenarioResult[]): string {
  const first = results[0];
  if (!first) return '(no results)';
  const m = first.machine;
  const lines = [
    `Measured ${first.startedAt.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GiB), ${m.os}, Node ${m.node}, SQLite ${m.sqlite}.`,
    '',
    '| scenario | figure | role | median | min | max | peak RSS (median) | notes |',
    '|---|---|---|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    for (const f of r.figures) {
      const notes = Object.entries(f.notes).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : v}`).join(', ');
      lines.push(
        f.skipped
          ? `| ${r.scenario} | ${f.label} | ${f.role} | skipped: ${f.skipped} | | | | |`
          : `| ${r.scenario} | ${f.label} | ${f.role} | ${fmt(f.medianMs, ' ms')} | ${fmt(f.minMs, ' ms')} | ${fmt(f.maxMs, ' ms')} | ${fmt(f.medianPeakRssMb, ' MB')} | ${notes} |`,
      );
    }
  }
  const ratios = results.flatMap((r) => r.ratios.map((x) => ({ ...x, scenario: r.scenario })));
  if (ratios.length) {
    lines.push('', '| scenario | ratio | value |', '|---|---|---:|');
    for (const x of ratios) lines.push(`| ${x.scenario} | ${x.label} | ${x.ratio === null ? `skipped: ${x.skipped}` : `${x.ratio}×`} |`);
  }
  const targets = results.flatMap((r) => r.targets.map((t) => ({ ...t, scenario: r.scenario })));
  if (targets.length) {
    lines.push('', '| scenario | target | median | met |', '|---|---|---:|---|');
    for (const t of targets) lines.push(`| ${t.scenario} | ${t.label} (≤ ${t.maxMs.toLocaleString('en-US')} ms) | ${fmt(t.medianMs, ' ms')} | ${t.met === null ? '—' : t.met ? 'yes' : 'NO'} |`);
  }
  return lines.join('\n');
}
