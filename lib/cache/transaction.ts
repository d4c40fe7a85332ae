/**
 * All-or-nothing IndexedDB transactions. IndexedDB commits a transaction as soon as it has no
 * pending request, so a write that fails halfway (a `put` that throws synchronously on a value it
 * cannot clone, an exception between two requests) would commit the requests already issued:
 * metadata moved, series not. {@link runTransaction} aborts the transaction on any error instead.
 */
import type { DBSchema, IDBPTransaction, StoreNames } from 'idb';

/** Registers a request's promise so its failure aborts the transaction (and is not left unhandled). */
export type Track = <T>(request: Promise<T>) => Promise<T>;

/**
 * Runs `work` inside `tx` and resolves once the transaction has committed. `work` issues requests
 * (awaiting only the transaction's own requests, never anything else, or the transaction would
 * commit under it) and passes those it does not await to `track`. If `work` throws, synchronously
 * or not, or a tracked request fails, the transaction is aborted, so none of its writes land, and
 * the error is rethrown. A transaction the browser aborts (quota, a closed connection) rejects
 * with the browser's error.
 */
export async function runTransaction<
  DB extends DBSchema,
  Names extends StoreNames<DB>[],
  Mode extends IDBTransactionMode,
  T,
>(tx: IDBPTransaction<DB, Names, Mode>, work: (track: Track) => Promise<T> | T): Promise<T> {
  const pending: Promise<unknown>[] = [];
  const track: Track = (request) => {
    request.catch(() => {}); // observed below; this only keeps an abort from being "unhandled"
    pending.push(request);
    return request;
  };
  // Whatever happens, the outcome of the transaction itself is observed.
  tx.done.catch(() => {});
  try {
    const result = await work(track);
    await Promise.all(pending);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed, aborted or finished: nothing left to undo.
    }
    // The browser's reason (QuotaExceededError) says more than the AbortError of a request.
    const reason = await tx.done.then(
      () => error,
      (txError: unknown) => txError ?? error,
    );
    throw preferSpecific(error, reason);
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

/**
 * The more telling of a request's error and its transaction's error: the transaction's when the
 * browser aborted it for a reason of its own (`QuotaExceededError`, `UnknownError`), since the
 * requests then fail with `AbortError` or cannot be issued at all; the request's otherwise.
 */
function preferSpecific(requestError: unknown, txError: unknown): unknown {
  const txName = nameOf(txError);
  return txName !== '' && txName !== 'AbortError' ? txError : requestError;
}
