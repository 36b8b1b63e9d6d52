import type IORedis from 'ioredis';
import { oneWritePerTurn } from './one-write-per-turn';

/** A socket that counts its corks, as Node's does (each cork needs its own uncork). */
function fakeSocket() {
  return {
    writable: true,
    corks: 0,
    corkCalls: 0,
    cork() {
      this.corks++;
      this.corkCalls++;
    },
    uncork() {
      this.corks--;
    },
  };
}

type FakeConnection = { status: string; stream: ReturnType<typeof fakeSocket> };

function fakeConnection(stream: ReturnType<typeof fakeSocket>): FakeConnection {
  return { status: 'ready', stream };
}

const oneWritePerTurnOf = (connection: FakeConnection) => oneWritePerTurn(connection as unknown as IORedis);

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('oneWritePerTurn', () => {
  it('corks the socket once for the jobs that end in one turn, and uncorks it when the turn ends', async () => {
    const socket = fakeSocket();
    const endOfJob = oneWritePerTurnOf(fakeConnection(socket));
    endOfJob();
    endOfJob();
    await Promise.resolve();
    endOfJob();
    expect(socket.corkCalls).toBe(1);
    expect(socket.corks).toBe(1);
    await nextTurn();
    expect(socket.corks).toBe(0);
  });

  it('corks again in a later turn, never leaving a cork behind', async () => {
    const socket = fakeSocket();
    const endOfJob = oneWritePerTurnOf(fakeConnection(socket));
    for (let turn = 0; turn < 5; turn++) {
      endOfJob();
      endOfJob();
      await nextTurn();
    }
    expect(socket.corkCalls).toBe(5);
    expect(socket.corks).toBe(0);
  });

  it('uncorks the socket it corked when the connection gets a new one in between, and leaves the new one alone', async () => {
    const before = fakeSocket();
    const connection = fakeConnection(before);
    const endOfJob = oneWritePerTurnOf(connection);
    endOfJob();
    const after = fakeSocket();
    connection.stream = after;
    await nextTurn();
    expect(before.corks).toBe(0);
    expect(after.corkCalls).toBe(0);
  });

  it('does nothing while the connection is not ready (commands wait in its own queue then)', async () => {
    const socket = fakeSocket();
    const connection = fakeConnection(socket);
    connection.status = 'reconnecting';
    oneWritePerTurnOf(connection)();
    expect(socket.corkCalls).toBe(0);
  });
});
