import { z } from 'zod';

/**
 * The error shapes of the services (Microsoft API notes §0.2), read just far enough to name the
 * failure: Graph, ARM and the Management API put `{error: {code, message}}`, Exchange adds the
 * cmdlet's text in `error.details[0].message`, Azure DevOps answers `{message, typeKey}`.
 */
const odataError = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    details: z.array(z.object({ message: z.string().optional() }).loose()).optional(),
  }).loose(),
}).loose();

const vssError = z.object({ message: z.string(), typeKey: z.string().optional() }).loose();

export interface ErrorSummary {
  code: string | null;
  message: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function summariseErrorBody(bytes: Buffer, status: number): ErrorSummary {
  const text = bytes.toString('utf8');
  const json = parseJson(text);
  const odata = odataError.safeParse(json);
  if (odata.success) {
    const e = odata.data.error;
    const detail = e.details?.[0]?.message;
    return { code: e.code ?? null, message: oneLine(detail || e.message || e.code || `HTTP ${status}`) };
  }
  const vss = vssError.safeParse(json);
  if (vss.success) return { code: vss.data.typeKey ?? null, message: oneLine(vss.data.message) };
  return { code: null, message: oneLine(text) || `HTTP ${status}` };
}

/** 429 and 503 everywhere; the Management API also throttles with AF429 on a 403. */
export function isThrottledAnswer(status: number, summary: () => ErrorSummary): boolean {
  if (status === 429 || status === 503) return true;
  return status === 403 && summary().code === 'AF429';
}

function oneLine(text: string, max = 400): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
