import type { Socket } from 'node:net';
import type IORedis from 'ioredis';

/**
 * Lets the commands a connection sends in one turn of the event loop leave in one write.
 * Jobs that end together (a grading batch's commit resolves up to 32 of them at once) each
 * send their completion to Redis in that turn: one write of all of them instead of one
 * system call each.
 *
 * Call it when a job ends: the socket is corked until the turn's microtasks have run
 * (setImmediate), once per turn however many jobs end in it. A cork is always undone by the
 * same closure that made it, on the socket it was made on, so a reconnect in between
 * leaves the new socket uncorked.
 */
export function oneWritePerTurn(connection: IORedis): () => void {
  let corked = false;
  return () => {
    if (corked) return;
    const stream = (connection as unknown as { stream?: Socket }).stream;
    if (connection.status !== 'ready' || !stream || !stream.writable) return;
    corked = true;
    stream.cork();
    setImmediate(() => {
      corked = false;
      stream.uncork();
    });
  };
}
