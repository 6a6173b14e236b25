import type { Locator, Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Collect page: sources and options, the Start result, the jobs table and each job's details. */
export class CollectPage {
  readonly form: Locator;
  readonly startButton: Locator;
  readonly startResult: Locator;
  readonly jobsTable: Locator;
  readonly preset: Locator;
  readonly from: Locator;
  readonly to: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Collect' });
    this.startButton = this.form.getByRole('button', { name: 'Start collection' });
    this.startResult = page.getByRole('status', { name: 'Start result' });
    this.jobsTable = page.getByRole('table', { name: 'Collection jobs' });
    this.preset = this.form.getByRole('combobox', { name: 'Preset' });
    this.from = this.form.getByRole('textbox', { name: 'From (UTC)' });
    this.to = this.form.getByRole('textbox', { name: 'To (UTC)' });
  }

  source(label: string): Locator {
    return this.form.getByRole('checkbox', { name: label, exact: true });
  }

  /** The newest job of a source (the table is newest first). */
  jobRow(label: string): Locator {
    return this.jobsTable.locator('tbody tr.job-row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(label)}`) }) }).first();
  }

  async jobId(label: string): Promise<number> {
    return Number(await this.jobRow(label).getAttribute('data-job-id'));
  }

  /** The windows bar of a job's row (windows done of windows known). */
  progressBar(row: Locator): Locator {
    return row.getByRole('progressbar', { name: /^Windows of job \d+/ });
  }

  status(row: Locator): Locator {
    return row.locator('.job-state');
  }

  details(jobId: number): { toggle: Locator; coverage: Locator; windows: Locator; strips: Locator; log: Locator } {
    const coverage = this.page.getByRole('region', { name: `Coverage of job ${jobId}` });
    return {
      toggle: this.jobsTable.getByRole('button', { name: new RegExp(`^(Show|Hide) details of job ${jobId} `) }),
      coverage,
      windows: coverage.getByTestId('windows-summary'),
      strips: coverage.getByTestId('coverage-summary'),
      log: this.page.getByRole('log', { name: `Job ${jobId} log lines` }),
    };
  }
}

export interface CommandTiming {
  ms: number;
  ok: boolean;
  /** The answer's value when it was ok (for checks such as "a job was still running"). */
  value: unknown;
}

/**
 * Times commands the way the renderer sends them: from inside the page, over a WebSocket of its
 * own (same cookie, same Origin), one call at a time, from send to result frame. Events the core
 * pushes meanwhile (progress of running jobs) are skipped, as the renderer's transport skips them.
 */
export async function timeCommands(page: Page, name: string, input: unknown, samples: number, gapMs = 200, timeoutMs = 10_000): Promise<CommandTiming[]> {
  return page.evaluate(
    async ({ name, input, samples, gapMs, timeoutMs }) => {
      const socket = new WebSocket(`ws://${location.host}/ws`);
      await new Promise<void>((resolve, reject) => {
        socket.onopen = () => resolve();
        socket.onclose = (event) => reject(new Error(`socket closed before opening (${event.code})`));
      });
      const waiting = new Map<number, (frame: { result: { ok: boolean; value?: unknown } }) => void>();
      socket.onmessage = (event) => {
        const frame = JSON.parse(String(event.data)) as { type?: string; id?: number; result: { ok: boolean; value?: unknown } };
        if (frame.type === 'result' && typeof frame.id === 'number') waiting.get(frame.id)?.(frame);
      };
      const timings: { ms: number; ok: boolean; value: unknown }[] = [];
      for (let id = 1; id <= samples; id += 1) {
        const started = performance.now();
        const frame = await new Promise<{ result: { ok: boolean; value?: unknown } }>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${name} was not answered within ${timeoutMs} ms`)), timeoutMs);
          waiting.set(id, (f) => {
            clearTimeout(timer);
            resolve(f);
          });
          socket.send(JSON.stringify({ type: 'call', id, name, input }));
        });
        timings.push({ ms: performance.now() - started, ok: frame.result.ok, value: frame.result.value });
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      socket.close();
      return timings;
    },
    { name, input, samples, gapMs, timeoutMs },
  );
}
