// Test fixture: opens a case in a separate process and keeps it open until stdin closes,
// so tests can prove that a second process is refused with a clear message.
import { createCore } from '../../create-core.js';
import { makeTestPorts } from '../../testing/test-ports.js';

const [dir, root] = process.argv.slice(2);
if (!dir || !root) throw new Error('usage: hold-case-open <case dir> <scratch root>');
const core = createCore(makeTestPorts(root));
const r = await core.route('case.open', { dir });
process.stdout.write(r.ok ? 'ready\n' : `failed ${JSON.stringify(r.error)}\n`);
process.stdin.resume();
process.stdin.on('end', () => void core.shutdown().then(() => process.exit(0)));
