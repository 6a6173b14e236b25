/**
 * Writes a dataset as newline-delimited JSON, one file per source, so benchmarks can feed the
 * very same records to other tools. Lines are written in batches to keep memory flat.
 */
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceArrays } from './ground-truth.js';
import type { SimDataset, SimSource } from './types.js';
import { simSources } from './types.js';

export const ndjsonFileNames: Record<SimSource, string> = {
  ual: 'ual.ndjson',
  signins: 'signins.ndjson',
  directoryAudits: 'directory-audits.ndjson',
  azureActivity: 'azure-activity.ndjson',
  devopsAudit: 'devops-audit.ndjson',
};

const BATCH = 2000;

async function writeLines(path: string, records: readonly unknown[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (let i = 0; i < records.length; i += BATCH) {
      let chunk = '';
      const end = Math.min(records.length, i + BATCH);
      for (let j = i; j < end; j++) chunk += JSON.stringify(records[j]) + '\n';
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
}

/** Writes `<dir>/ual.ndjson` (one AuditData object per line) and one file per other source. */
export async function writeDatasetNdjson(dataset: SimDataset, dir: string): Promise<Record<SimSource, string>> {
  await mkdir(dir, { recursive: true });
  const arrays = sourceArrays(dataset);
  const paths = {} as Record<SimSource, string>;
  for (const source of simSources) {
    const path = join(dir, ndjsonFileNames[source]);
    await writeLines(path, arrays[source]);
    paths[source] = path;
  }
  return paths;
}
