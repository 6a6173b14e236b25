/**
 * Ground truth of a dataset: every intrusion record it contains (with its ATT&CK technique),
 * the intrusion actions it does not contain and why, and exact per-hour counts per source so a
 * collector's completeness can be checked hour by hour.
 */
import { writeFile } from 'node:fs/promises';
import { hourKeyOfTimeString } from './time-format.js';
import type { GroundTruth, GroundTruthRecord, SimDataset, SimProfileName, SimSource, SuppressedRecord } from './types.js';
import { simSources } from './types.js';

/** The time string each source's records are ordered by. */
export const recordTime: {
  [K in SimSource]: (record: SourceRecord<K>) => string;
} = {
  ual: (r) => r.CreationTime,
  signins: (r) => r.createdDateTime,
  directoryAudits: (r) => r.activityDateTime,
  azureActivity: (r) => r.eventTimestamp,
  devopsAudit: (r) => r.timestamp,
};

/** The id each source's records are known by. */
export const recordId: {
  [K in SimSource]: (record: SourceRecord<K>) => string;
} = {
  ual: (r) => r.Id,
  signins: (r) => r.id,
  directoryAudits: (r) => r.id,
  azureActivity: (r) => r.eventDataId,
  devopsAudit: (r) => r.id,
};

export type SourceRecord<K extends SimSource> = K extends 'ual' ? SimDataset['ual'][number]
  : K extends 'signins' ? SimDataset['signIns'][number]
  : K extends 'directoryAudits' ? SimDataset['directoryAudits'][number]
  : K extends 'azureActivity' ? SimDataset['azure']['activity'][number]
  : SimDataset['devops']['audit'][number];

export function sourceArrays(dataset: Pick<SimDataset, 'ual' | 'signIns' | 'directoryAudits' | 'azure' | 'devops'>): { [K in SimSource]: SourceRecord<K>[] } {
  return {
    ual: dataset.ual,
    signins: dataset.signIns,
    directoryAudits: dataset.directoryAudits,
    azureActivity: dataset.azure.activity,
    devopsAudit: dataset.devops.audit,
  };
}

function countHours<K extends SimSource>(source: K, records: SourceRecord<K>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const timeOf = recordTime[source];
  let lastPrefix = '';
  let lastKey = '';
  for (const record of records) {
    const time = timeOf(record);
    // Records are sorted, so consecutive records mostly share the hour: reuse the key.
    if (!time.startsWith(lastPrefix) || lastPrefix === '') {
      lastPrefix = time.slice(0, 13);
      lastKey = hourKeyOfTimeString(time);
    }
    counts[lastKey] = (counts[lastKey] ?? 0) + 1;
  }
  return counts;
}

export function computeGroundTruth(
  dataset: Pick<SimDataset, 'seed' | 'anchor' | 'ual' | 'signIns' | 'directoryAudits' | 'azure' | 'devops'>,
  profile: SimProfileName,
  malicious: GroundTruthRecord[],
  suppressed: SuppressedRecord[],
): GroundTruth {
  const arrays = sourceArrays(dataset);
  const countsByHour = {} as Record<SimSource, Record<string, number>>;
  const totals = {} as Record<SimSource, number>;
  for (const source of simSources) {
    countsByHour[source] = countHours(source, arrays[source] as SourceRecord<typeof source>[]);
    totals[source] = arrays[source].length;
  }
  return { seed: dataset.seed, profile, anchor: dataset.anchor, malicious, suppressed, countsByHour, totals };
}

export async function writeGroundTruth(dataset: SimDataset, path: string): Promise<void> {
  await writeFile(path, JSON.stringify(dataset.groundTruth, null, 2) + '\n', 'utf8');
}
