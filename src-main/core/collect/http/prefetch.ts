/**
 * Asks for the next page while the caller is still storing the current one, so the network
 * wait and the case writer's work overlap instead of taking turns. One page ahead only: a
 * paging cursor is sequential anyway, and more would only hold more pages in memory.
 *
 * An error of the page fetched ahead surfaces when the caller asks for that page, exactly as it
 * would have without the look-ahead; if the caller stops early, the page fetched ahead is dropped
 * (its failure, if any, is swallowed: nobody asked for it) and the source is closed.
 */
export async function* prefetchOne<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  let ahead: Promise<IteratorResult<T>> | null = it.next();
  try {
    for (;;) {
      const current: IteratorResult<T> = await (ahead as Promise<IteratorResult<T>>);
      ahead = null;
      if (current.done) return;
      ahead = it.next();
      // Handled here so a failure of a page nobody asks for again is not an unhandled rejection.
      ahead.catch(() => {});
      yield current.value;
    }
  } finally {
    if (ahead) {
      const pending = ahead;
      ahead = null;
      await pending.catch(() => undefined);
      await it.return?.();
    }
  }
}
