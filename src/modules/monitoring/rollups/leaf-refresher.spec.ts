import type { EntityManager } from 'typeorm';
import type { TransactionRunner } from '../../../../libs/database';
import { LeafContribution, LeafKind } from './leaf-kind';
import { LeafRefresher } from './leaf-refresher';

type Key = { id: string };
type State = { n: number };

/** A kind over an in-memory table: records which keys each step was asked for. */
function memoryKind(stored: Map<string, State | 'placeholder'>, sources: Map<string, State>) {
  const calls = { claimed: [] as string[][], read: [] as string[][] };
  const kind: LeafKind<Key, State> = {
    name: 'memory',
    claim: () => Promise.reject(new Error('the bulk form is used')),
    readLocked: () => Promise.reject(new Error('the bulk form is used')),
    compute: async (_m, k) => sources.get(k.id) ?? null,
    claimMany: async (_m, keys) => {
      calls.claimed.push(keys.map((k) => k.id));
      for (const k of keys) if (!stored.has(k.id)) stored.set(k.id, 'placeholder');
    },
    readLockedMany: async (_m, keys) => {
      calls.read.push(keys.map((k) => k.id));
      return keys.map((k) => {
        const s = stored.get(k.id);
        return s && s !== 'placeholder' ? s : null;
      });
    },
    writeMany: async (_m, keys, states) => {
      keys.forEach((k, i) => (states[i] ? stored.set(k.id, states[i]) : stored.delete(k.id)));
    },
    write: () => Promise.reject(new Error('the bulk form is used')),
    contribution: (s): LeafContribution => ({
      regionCode: null,
      unitId: null,
      rows: [{ table: 'mon_jp_month_node', key: { year: 2026, month: 1 }, counters: { attained: s.n } }],
    }),
  };
  return { kind, calls };
}

function refresher(queries: Array<{ sql: string; params: unknown[] }>): LeafRefresher {
  const manager = {
    connection: { options: { type: 'better-sqlite3' } },
    query: async (sql: string, params: unknown[]) => {
      queries.push({ sql, params });
      return [];
    },
  } as unknown as EntityManager;
  const tx = { run: (work: (m: EntityManager) => Promise<unknown>) => work(manager) } as unknown as TransactionRunner;
  return new LeafRefresher(tx);
}

describe('LeafRefresher', () => {
  it('claims no placeholder for leaves that exist: they are locked by the first read', async () => {
    const stored = new Map<string, State | 'placeholder'>([
      ['a', { n: 1 }],
      ['b', { n: 2 }],
    ]);
    const { kind, calls } = memoryKind(
      stored,
      new Map([
        ['a', { n: 3 }],
        ['b', { n: 2 }],
      ]),
    );
    await refresher([]).refreshMany(kind, [{ id: 'b' }, { id: 'a' }]);
    expect(calls.claimed).toEqual([]);
    expect(calls.read).toEqual([['a', 'b']]);
    expect(stored.get('a')).toEqual({ n: 3 });
  });

  it('claims and locks only the missing leaves, and moves the nodes by the whole difference', async () => {
    const stored = new Map<string, State | 'placeholder'>([['a', { n: 1 }]]);
    const { kind, calls } = memoryKind(
      stored,
      new Map([
        ['a', { n: 1 }],
        ['b', { n: 5 }],
        ['c', { n: 7 }],
      ]),
    );
    const queries: Array<{ sql: string; params: unknown[] }> = [];
    await refresher(queries).refreshMany(kind, [{ id: 'c' }, { id: 'a' }, { id: 'b' }]);
    expect(calls.claimed).toEqual([['b', 'c']]);
    expect(calls.read).toEqual([
      ['a', 'b', 'c'],
      ['b', 'c'],
    ]);
    expect(stored).toEqual(
      new Map([
        ['a', { n: 1 }],
        ['b', { n: 5 }],
        ['c', { n: 7 }],
      ]),
    );
    // a is unchanged; b and c are new: +12 attained on the nation's node row.
    expect(queries).toHaveLength(1);
    expect(queries[0].sql).toContain('mon_jp_month_node');
    expect(queries[0].params).toContain(12);
  });

  it('treats a placeholder left by an earlier claim as not counted', async () => {
    const stored = new Map<string, State | 'placeholder'>([['a', 'placeholder']]);
    const { kind, calls } = memoryKind(stored, new Map([['a', { n: 4 }]]));
    await refresher([]).refreshMany(kind, [{ id: 'a' }]);
    expect(calls.claimed).toEqual([['a']]);
    expect(stored.get('a')).toEqual({ n: 4 });
  });

  it('takes one key once whatever order its fields were written in (producers build them differently)', async () => {
    const stored = new Map<string, State | 'placeholder'>();
    const { kind, calls } = memoryKind(stored, new Map([['a', { n: 3 }]]));
    const queries: Array<{ sql: string; params: unknown[] }> = [];
    const keys = [
      { id: 'a', year: 2026 },
      { year: 2026, id: 'a' },
    ] as unknown as Key[];
    await refresher(queries).refreshMany(kind, keys);
    expect(calls.read).toEqual([['a'], ['a']]);
    expect(calls.claimed).toEqual([['a']]);
    // Counted once: +3, not +6.
    expect(queries[0].params).toContain(3);
    expect(queries[0].params).not.toContain(6);
  });
});
