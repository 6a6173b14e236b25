import { createCliCore } from '../cli-core.js';
import type { CliCommand } from '../command.js';
import { parseOptions, required } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';
import { routeOrThrow, withOpenCase } from './with-open-case.js';

export const signoutCommand: CliCommand = {
  words: ['signout'],
  summary: 'Sign out: forget the account and delete the cached tokens',
  help: [
    'Usage: cirrus signout --case DIR',
    '',
    'Removes the signed-in account and deletes the token cache from the user\'s config folder,',
    'and records the sign-out in the case custody log.',
    '  --case DIR   case folder whose custody log records the sign-out',
  ].join('\n'),
  run: (args, io) =>
    runGuarded(io, async () => {
      const o = parseOptions(args, { case: { type: 'string' } });
      const dir = required(o.case, '--case');
      const core = createCliCore(io);
      return withOpenCase(core, dir, async () => {
        const { signedOut } = (await routeOrThrow(core.route('auth.signOut', {}))) as { signedOut: boolean };
        io.out(signedOut ? 'Signed out; the token cache is deleted.' : 'Nobody was signed in; nothing to delete.');
        return 0;
      });
    }),
};
