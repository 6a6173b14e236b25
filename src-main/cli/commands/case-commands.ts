import type { CaseInfo } from '../../../src-shared/domain/case.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { inspectCase } from '../../core/cases/case-service.js';
import { createCliCore } from '../cli-core.js';
import type { CliCommand, CliIo } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';

function printInfo(info: CaseInfo, json: boolean | undefined, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify(info, null, 2));
    return;
  }
  const m = info.meta;
  io.out(`Case       ${m.name}`);
  io.out(`Folder     ${info.dir}`);
  io.out(`Examiner   ${m.examiner}`);
  if (m.tenantLabel) io.out(`Tenant     ${m.tenantLabel}`);
  if (m.description) io.out(`About      ${m.description}`);
  io.out(`Created    ${m.createdAt} (UTC) with ${m.createdWith}; schema ${m.schemaVersion}`);
  io.out(`Custody    ${info.custody.length} entries, chain ${info.custodyChainIntact ? 'intact' : 'BROKEN'}`);
  for (const e of info.custody) io.out(`  #${e.seq}  ${e.at}  ${e.action.padEnd(14)} ${e.examiner}  (${e.toolVersion})`);
}

export const caseCreateCommand: CliCommand = {
  words: ['case', 'create'],
  summary: 'Create a case folder with its database and custody log',
  help: [
    'Usage: cirrus case create --dir DIR --name NAME --examiner NAME [--tenant LABEL] [--description TEXT] [--json]',
    '',
    'Creates DIR (if needed) holding case.sqlite, records the creation in the custody log, then closes it.',
    '  --dir DIR            case folder to create (must not already hold a case)',
    '  --name NAME          case name',
    '  --examiner NAME      who works the case (recorded with every custody entry)',
    '  --tenant LABEL       tenant label, e.g. contoso.onmicrosoft.com',
    '  --description TEXT   free text',
    '  --json               print the case info as JSON',
    '',
    'Example: npm run cirrus -- case create --dir ./cases/bec-01 --name "BEC 01" --examiner "A. Analyst"',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, {
        dir: { type: 'string' },
        name: { type: 'string' },
        examiner: { type: 'string' },
        tenant: { type: 'string' },
        description: { type: 'string' },
        json: { type: 'boolean' },
      });
      const core = createCliCore(io);
      try {
        const r = await core.route('case.create', {
          dir: required(o.dir, '--dir'),
          name: required(o.name, '--name'),
          examiner: required(o.examiner, '--examiner'),
          tenantLabel: o.tenant ?? '',
          description: o.description ?? '',
        });
        if (!r.ok) throw new CoreError(r.error.code, r.error.message);
        printInfo(r.value as CaseInfo, o.json, io);
        return 0;
      } finally {
        await core.shutdown();
      }
    }),
};

export const caseInfoCommand: CliCommand = {
  words: ['case', 'info'],
  summary: 'Show a case: metadata and custody log (read-only)',
  help: [
    'Usage: cirrus case info --dir DIR [--json]',
    '',
    'Reads the case in DIR without changing anything on disk (no lock, no custody entry).',
    'Fails with one line naming the file and the reason for a folder without a case, a foreign or',
    'truncated database, or a case written by a newer Cirrus.',
    '  --dir DIR   case folder',
    '  --json      machine-readable output',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, { dir: { type: 'string' }, json: { type: 'boolean' } });
      printInfo(inspectCase(required(o.dir, '--dir')), o.json, io);
      return 0;
    }),
};
