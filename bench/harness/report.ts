import type { ScenarioResult } from './types.js';

const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-US')}${unit}`);
const notesText = (notes: Record<string, number | string>) =>
  Object.entries(notes)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
    .join(', ');

/**
 * Peak resident memory per scenario and role, from the OS: a figure's process holds its main
 * thread and its worker threads (writer, timeline readers, DuckDB's threads), so its RSS covers
 * all of them; processes it starts (jq) are sampled separately and shown as "+ helper".
 */
function memoryRows(results: ScenarioResult[]): string[] {
  const rows: string[] = [];
  for (const r of results) {
    for (const role of ['subject', 'baseline', 'peer'] as const) {
      const figures = r.figures.filter((f) => f.role === role && !f.skipped && f.peakRssMb.length > 0);
      if (figures.length === 0) continue;
      const top = figures.reduce((a, b) => (Math.max(...b.peakRssMb) > Math.max(...a.peakRssMb) ? b : a));
      const helper = Math.max(0, ...figures.map((f) => f.helperPeakRssMb ?? 0));
      rows.push(
        `| ${r.scenario} | ${role} | ${fmt(Math.max(...top.peakRssMb), ' MB')}${helper > 0 ? ` + helper ${fmt(helper, ' MB')}` : ''} | ${top.label} |`,
      );
    }
  }
  return rows;
}

/** One Markdown table for a set of scenario results: figures, then ratios, targets and memory. */
export function markdownTable(results: ScenarioResult[]): string {
  const first = results[0];
  if (!first) return '(no results)';
  const m = first.machine;
  const dates = [...new Set(results.map((r) => r.startedAt.slice(0, 10)))];
  const when = dates.length === 1 ? dates[0] : results.map((r) => `${r.scenario} ${r.startedAt.slice(0, 10)}`).join(', ');
  const lines = [
    `Measured ${when} on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GiB), ${m.os}, Node ${m.node}, SQLite ${m.sqlite}.`,
    '',
    '| scenario | figure | role | median | min | max | peak RSS (median) | notes |',
    '|---|---|---|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    const size = `size ${notesText(r.size)}${r.quick ? ' (quick)' : ''}`;
    if (r.setup) lines.push(`| ${r.scenario} | setup (not a figure: prepares the shared input) | — | ${fmt(r.setup.ms, ' ms')} | | | | ${[size, notesText(r.setup.notes)].filter(Boolean).join(', ')} |`);
    else lines.push(`| ${r.scenario} | (${size}) | | | | | | |`);
    for (const f of r.figures) {
      const runs = f.runsMs.length > 0 ? `runs=${f.runsMs.length}` : '';
      const helper = (f.helperPeakRssMb ?? null) !== null ? ` + helper ${fmt(f.helperPeakRssMb, ' MB')}` : '';
      const notes = [runs, notesText(f.notes)].filter(Boolean).join(', ');
      lines.push(
        f.skipped
          ? `| ${r.scenario} | ${f.label} | ${f.role} | skipped: ${f.skipped} | | | | |`
          : `| ${r.scenario} | ${f.label} | ${f.role} | ${fmt(f.medianMs, ' ms')} | ${fmt(f.minMs, ' ms')} | ${fmt(f.maxMs, ' ms')} | ${fmt(f.medianPeakRssMb, ' MB')}${helper} | ${notes} |`,
      );
    }
  }
  const ratios = results.flatMap((r) => r.ratios.map((x) => ({ ...x, scenario: r.scenario })));
  if (ratios.length) {
    lines.push('', '| scenario | ratio | value | bound | met |', '|---|---|---:|---:|---|');
    for (const x of ratios) {
      const value = x.ratio === null ? `skipped: ${x.skipped}` : `${x.ratio}×`;
      const met = x.met === undefined || x.met === null ? '—' : x.met ? 'yes' : 'NO';
      lines.push(`| ${x.scenario} | ${x.label} | ${value} | ${x.atLeast === undefined ? '' : `≥ ${x.atLeast}×`} | ${met} |`);
    }
  }
  const targets = results.flatMap((r) => r.targets.map((t) => ({ ...t, scenario: r.scenario })));
  if (targets.length) {
    lines.push('', '| scenario | target | median | met |', '|---|---|---:|---|');
    // "—": not judged (a quick run, or a size other than the one the bound is stated for).
    for (const t of targets) lines.push(`| ${t.scenario} | ${t.label} (≤ ${t.maxMs.toLocaleString('en-US')} ms) | ${fmt(t.medianMs, ' ms')} | ${t.met === null ? '—' : t.met ? 'yes' : 'NO'} |`);
  }
  const memory = memoryRows(results);
  if (memory.length) lines.push('', '| scenario | role | peak RSS (largest run) | figure |', '|---|---|---:|---|', ...memory);
  return lines.join('\n');
}
