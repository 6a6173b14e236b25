import { z } from 'zod';
import { AuthRequirements, AuthStatus, DeviceCodePrompt, SignInInput } from '../domain/auth.js';
import { CaseCreateInput, CaseInfo, RecentCase } from '../domain/case.js';
import { CloudId, CloudProfile } from '../domain/clouds.js';
import { ReadinessRun, ReadinessRunInput } from '../domain/readiness.js';
import { collectCommands } from './contract-collect.js';
import { timelineCommands } from './contract-timeline.js';

/**
 * The one contract between the renderer and the core. Every transport (Electron IPC, the
 * browser-mode WebSocket, the CLI calling core directly) speaks exactly these names and shapes.
 * Inputs are validated by the core router on the way in; outputs are parsed in tests to catch drift.
 */
const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.literal('Cirrus'),
  version: z.string(),
  /** Which host serves the core: the desktop shell or browser mode. */
  mode: z.enum(['electron', 'browser', 'cli', 'test']),
  platform: z.string(),
  defaultCasesDir: z.string(),
  /** Whether the host can show a native folder picker (browser mode cannot). */
  nativeDialogs: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const commands = {
  'app.info': { input: Empty, output: AppInfo },
  'case.create': { input: CaseCreateInput.strict(), output: CaseInfo },
  'case.open': { input: z.object({ dir: z.string().trim().min(1).max(4096) }).strict(), output: CaseInfo },
  'case.close': { input: Empty, output: z.object({ closed: z.boolean() }) },
  /** The open case with its custody log, or null when none is open. */
  'case.current': { input: Empty, output: CaseInfo.nullable() },
  'case.recent': { input: Empty, output: z.array(RecentCase) },
  'case.forgetRecent': { input: z.object({ dir: z.string().min(1).max(4096) }).strict(), output: z.object({ removed: z.boolean() }) },
  /** Native folder picker; browser mode answers `unsupported` and the UI asks for a typed path. */
  'shell.pickFolder': {
    input: z.object({ purpose: z.enum(['create', 'open']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Opens an allow-listed https URL in the system browser (sign-in pages, documentation). */
  'shell.openExternal': { input: z.object({ url: z.string().url().max(8192) }).strict(), output: z.object({ opened: z.boolean() }) },
  /** The clouds a responder can sign in to, with every URL and scope and where each comes from. */
  'auth.clouds': { input: Empty, output: z.array(CloudProfile) },
  /** Who is signed in (never a token), and whether a sign-in is waiting for the user. */
  'auth.status': { input: Empty, output: AuthStatus },
  /**
   * Signs in and resolves once the user has finished (browser or device code). A device-code
   * sign-in emits `auth.deviceCode` first. Replaces any earlier sign-in only when it succeeds.
   */
  'auth.signIn': { input: SignInInput, output: AuthStatus },
  /** Stops a sign-in that is waiting for the user; `auth.signIn` then fails with `cancelled`. */
  'auth.cancel': { input: Empty, output: z.object({ cancelled: z.boolean() }) },
  /** Forgets the account and deletes the token cache. */
  'auth.signOut': { input: Empty, output: z.object({ signedOut: z.boolean() }) },
  /** Which app registration, permissions and roles a tenant needs, and why the default client was chosen. */
  'auth.requirements': { input: z.object({ cloud: CloudId.default('global') }).strict(), output: AuthRequirements },
  /** Runs every readiness check for the signed-in account and saves the run into the open case. */
  'readiness.run': { input: ReadinessRunInput, output: ReadinessRun },
  /** The newest saved readiness run of the open case, or null. */
  'readiness.latest': { input: Empty, output: ReadinessRun.nullable() },
  ...timelineCommands,
  ...collectCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.infer<Commands[K]['output']>;
export const commandNames = Object.keys(commands) as CommandName[];
export const isCommandName = (name: unknown): name is CommandName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);

export const JobProgress = z.object({
  jobId: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number().nullable(),
  note: z.string(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** Events flow core → host → renderer. They carry summaries; the renderer re-queries for data. */
export const events = {
  'case.changed': z.object({ dir: z.string().nullable() }),
  'db.changed': z.object({ tables: z.array(z.string()) }),
  'job.progress': JobProgress,
  /** A device-code sign-in is waiting: show the code and the address to the user. */
  'auth.deviceCode': DeviceCodePrompt,
  /** Signed in, signed out or a sign-in started/ended; the payload is the new status (no tokens). */
  'auth.changed': AuthStatus,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.infer<Events[K]>;
export type AppEvent = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];
export const eventNames = Object.keys(events) as EventName[];

/** Wire frames of the browser-mode WebSocket (and the shape of Electron's `ir:call`). */
export const CallFrame = z.object({ type: z.literal('call'), id: z.number().int().nonnegative(), name: z.string().max(200), input: z.unknown() });
export type CallFrame = z.infer<typeof CallFrame>;

/** Core → client frames on the browser-mode WebSocket. */
export type ResultFrame = { type: 'result'; id: number; result: import('./result.js').Result<unknown> };
export type EventFrame = { type: 'event'; event: AppEvent };
export type ServerFrame = ResultFrame | EventFrame;
