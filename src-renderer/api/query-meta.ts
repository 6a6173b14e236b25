/**
 * What a query declares about the data it reads, so core events refresh exactly what changed.
 * `tables` lists the case tables behind the answer; leaving it out means "may read any table",
 * which refreshes on every `db.changed` (safe, if wasteful). An empty list means "no case table".
 */
export interface CommandQueryMeta extends Record<string, unknown> {
  tables?: readonly string[];
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: CommandQueryMeta;
  }
}
