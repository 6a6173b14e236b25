import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * The list reporter shows a skipped test as a bare dash. A skip must say why (the Electron smoke
 * tests skip where the Electron runtime is absent), so the reasons are printed at the end.
 */
export default class SkipReasonsReporter implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
    this.skipped.push(`  skipped: ${test.titlePath().filter(Boolean).slice(1).join(' › ')} — ${reason}`);
  }

  onEnd(): void {
    if (this.skipped.length === 0) return;
    process.stdout.write(`\nSkipped tests and why:\n${this.skipped.join('\n')}\n`);
  }
}
