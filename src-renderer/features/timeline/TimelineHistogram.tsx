import { Bar, BarChart, Brush, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { memo, useMemo } from 'react';
import { eventSources, type EventSource } from '../../../src-shared/domain/event.js';
import type { TimelineHistogram as Histogram } from '../../../src-shared/ipc/contract-timeline.js';
import { sourceLabel } from './columns.js';
import { formatInZone, type ShownZone } from './time-zones.js';

/** One hue per log family, told apart by the legend and tooltip words too, never by colour alone. */
const SOURCE_COLOURS: Record<EventSource, string> = {
  ual: '#3b7dd8',
  signin: '#d9822b',
  directory_audit: '#2f9e62',
  azure_activity: '#8f5bd6',
  devops_audit: '#c2455c',
};

interface Props {
  histogram: Histogram;
  zone: ShownZone;
  /** Narrows the timeline to [from, to) (the brush, or a click on a bar). */
  onZoom(from: number, to: number): void;
}

const describeBucket = (ms: number) => (ms >= 86_400_000 ? `${ms / 86_400_000} d` : ms >= 3_600_000 ? `${ms / 3_600_000} h` : ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/**
 * Events over the visible time range, stacked by source, with a brush under it: dragging the
 * brush's ends (or clicking a bar) zooms the timeline to that range.
 */
export const TimelineHistogram = memo(function TimelineHistogram({ histogram, zone, onZoom }: Props) {
  const present = eventSources.filter((s) => histogram.bySource[s] > 0);
  const data = useMemo(() => histogram.buckets.map((b) => ({ start: b.start, total: b.total, ...b.counts })), [histogram]);
  const tick = (ms: number) => {
    const text = formatInZone(ms, zone.iana).text;
    return histogram.bucketMs >= 86_400_000 ? text.slice(0, 10) : text.slice(5, 16);
  };
  const zoomTo = (startIndex: number | undefined, endIndex: number | undefined) => {
    const first = data[startIndex ?? 0];
    const last = data[endIndex ?? data.length - 1];
    if (!first || !last) return;
    // Buckets start on round times before the range; the zoom never reaches outside it.
    const from = Math.max(first.start, histogram.from ?? first.start);
    const to = Math.min(last.start + histogram.bucketMs, histogram.to ?? last.start + histogram.bucketMs);
    if (from < to) onZoom(from, to);
  };

  return (
    <figure className="tl-chart" aria-label={`Events over time, ${histogram.total.toLocaleString('en-GB')} in ${data.length} buckets of ${describeBucket(histogram.bucketMs)}`}>
      <ResponsiveContainer width="100%" height={150}>
        <BarChart data={data} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} strokeDasharray="2 3" />
          <XAxis dataKey="start" tickFormatter={tick} minTickGap={40} fontSize={11} />
          <YAxis width={48} fontSize={11} allowDecimals={false} />
          <Tooltip
            labelFormatter={(ms) => `${formatInZone(Number(ms), zone.iana).text} (${zone.label}), ${describeBucket(histogram.bucketMs)}`}
            formatter={(value, name) => [Number(value).toLocaleString('en-GB'), sourceLabel(String(name))]}
          />
          <Legend formatter={(name) => sourceLabel(String(name))} wrapperStyle={{ fontSize: 11 }} />
          {present.map((source) => (
            <Bar
              key={source}
              dataKey={source}
              stackId="sources"
              fill={SOURCE_COLOURS[source]}
              isAnimationActive={false}
              onClick={(_, index) => zoomTo(index, index)}
              cursor="zoom-in"
            />
          ))}
          <Brush
            key={`${histogram.from}-${histogram.to}`}
            dataKey="start"
            height={18}
            travellerWidth={8}
            tickFormatter={tick}
            ariaLabel="Zoom: drag the ends to narrow the time range"
            onDragEnd={(range) => zoomTo(range.startIndex, range.endIndex)}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});
