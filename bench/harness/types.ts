/**
 * A benchmark scenario: some figures measured side by side in one run. Each figure runs in its
 * own child process, so its peak RSS is the OS's figure for exactly that work and one figure's
 * garbage never slows the next.
 */
export interface FigureContext {
  /** Scratch folder shared by the scenario's setup and its figures (under bench/work/). */
  workDir: string;
  /** Sizes chosen for this run (`--quick` or full). */
  size: Record<string, number>;
  /** A quick (smoke) run: figures may check more strictly and fail loudly. */
  quick?: boolean;
}

export interface FigureOutcome {
  /** Extra numbers worth reporting (rows, bytes, events/s); never the timing itself. */
  notes?: Record<string, number | string>;
  /**
   * The figure's own timing of the work it measures, when that is only part of its run (a query
   * after the case is opened and warmed); without it the whole run is timed.
   */
  ms?: number;
  /** Peak RSS of other processes the figure ran (a peer's own process, e.g. jq), sampled from the OS. */
  helperPeakRssMb?: number;
}

export interface SetupOutcome {
  /** What the setup built or reused, and how big it is (reported beside the figures). */
  notes?: Record<string, number | string>;
}

export interface Figure {
  id: string;
  label: string;
  /** `subject` = Cirrus; `baseline` = the floor or reference measured in the same run; `peer` = another tool. */
  role: 'subject' | 'baseline' | 'peer';
  /**
   * At most this many runs of the figure, whatever the run count (a figure that takes minutes,
   * such as collecting a million events at a throttled rate, runs once in the full suite).
   */
  maxRuns?: number;
  /** For peers: null when available, otherwise why not (reported as skipped, never as a number). */
  unavailable?(): string | null;
  /** Runs the work once in a child process. Timed from call to settle. */
  run(ctx: FigureContext): Promise<FigureOutcome | void>;
}

export interface Comparison {
  subject: string;
  against: string;
  /** `speedup` = against ÷ subject (how many times faster Cirrus is); `overhead` = subject ÷ against (cost over a floor). */
  kind: 'speedup' | 'overhead';
  /** How the ratio reads, e.g. "Cirrus ingest ÷ bare insert". */
  label: string;
  /** A bound from the issues on the ratio (at least this much faster), judged on full sizes only. */
  atLeast?: number;
}

export interface Scenario {
  name: string;
  description: string;
  sizes: { quick: Record<string, number>; full: Record<string, number> };
  /** Prepares shared input (in the parent process), e.g. NDJSON that every peer reads. */
  setup?(ctx: FigureContext): Promise<SetupOutcome | void>;
  figures: Figure[];
  comparisons: Comparison[];
  /** Absolute targets from the issues, checked and reported (a benchmark verdict, not a test). */
  targets?: { figure: string; maxMs: number; label: string }[];
}

export interface FigureResult {
  id: string;
  label: string;
  role: Figure['role'];
  skipped?: string;
  runsMs: number[];
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  peakRssMb: number[];
  medianPeakRssMb: number | null;
  /** Peak RSS of processes the figure started (largest over runs), when it started any. */
  helperPeakRssMb: number | null;
  notes: Record<string, number | string>;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  quick: boolean;
  size: Record<string, number>;
  startedAt: string;
  machine: MachineInfo;
  /** Preparing the shared input (timed apart from the figures), e.g. building a case or reusing a cached one. */
  setup: { ms: number; notes: Record<string, number | string> } | null;
  figures: FigureResult[];
  ratios: {
    label: string;
    kind: Comparison['kind'];
    subject: string;
    against: string;
    ratio: number | null;
    skipped?: string;
    atLeast?: number;
    /** Whether the ratio meets `atLeast` (null: no bound, a quick run, or no ratio). */
    met?: boolean | null;
  }[];
  targets: { label: string; figure: string; maxMs: number; medianMs: number | null; met: boolean | null }[];
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sqlite: string;
}
