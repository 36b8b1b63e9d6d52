import { caseById, multiRowInsert, SqlExpression } from './multi-row-sql';

const mysql = { options: { type: 'mariadb' } } as never;
const sqlite = { options: { type: 'better-sqlite3' } } as never;

describe('multiRowInsert', () => {
  it('ignores duplicates in each dialect', () => {
    expect(multiRowInsert(mysql, 't', ['a', 'b'], 2, { kind: 'ignore' })).toBe(
      'INSERT IGNORE INTO `t` (`a`, `b`) VALUES (?, ?), (?, ?)',
    );
    expect(multiRowInsert(sqlite, 't', ['a', 'b'], 1, { kind: 'ignore' })).toBe(
      'INSERT OR IGNORE INTO "t" ("a", "b") VALUES (?, ?)',
    );
  });

  it('overwrites the stored columns with the new values', () => {
    const overwrite = { kind: 'overwrite', keys: ['a'], columns: ['b'] } as const;
    expect(multiRowInsert(mysql, 't', ['a', 'b'], 1, overwrite)).toBe(
      'INSERT INTO `t` (`a`, `b`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `b` = VALUES(`b`)',
    );
    expect(multiRowInsert(sqlite, 't', ['a', 'b'], 1, overwrite)).toBe(
      'INSERT INTO "t" ("a", "b") VALUES (?, ?) ON CONFLICT ("a") DO UPDATE SET "b" = excluded."b"',
    );
  });

  it('adds the new values to the stored counters', () => {
    const add = { kind: 'add', keys: ['a', 'k'], columns: ['n', 'm'] } as const;
    expect(multiRowInsert(mysql, 't', ['a', 'k', 'n', 'm'], 1, add)).toBe(
      'INSERT INTO `t` (`a`, `k`, `n`, `m`) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE `n` = `n` + VALUES(`n`), `m` = `m` + VALUES(`m`)',
    );
    expect(multiRowInsert(sqlite, 't', ['a', 'k', 'n'], 1, { ...add, columns: ['n'] })).toBe(
      'INSERT INTO "t" ("a", "k", "n") VALUES (?, ?, ?) ON CONFLICT ("a", "k") DO UPDATE SET "n" = "n" + excluded."n"',
    );
  });
});

describe('caseById', () => {
  it('sets each row to its own value, ids and values in parameter order', () => {
    const params: unknown[] = ['before'];
    expect(
      caseById(
        'score',
        [
          ['x', 1],
          ['y', null],
        ],
        params,
      ),
    ).toBe('score = CASE id WHEN ? THEN ? WHEN ? THEN ? END');
    expect(params).toEqual(['before', 'x', 1, 'y', null]);
  });

  it('writes SQL expressions into the statement and keeps unlisted rows with a fallback', () => {
    const params: unknown[] = [];
    const plusOne = new SqlExpression('revision + 1');
    expect(
      caseById(
        'revision',
        [
          ['x', plusOne],
          ['y', plusOne],
        ],
        params,
        'revision',
      ),
    ).toBe('revision = CASE id WHEN ? THEN revision + 1 WHEN ? THEN revision + 1 ELSE revision END');
    expect(params).toEqual(['x', 'y']);
  });

  it('sets rows that all get the same value without naming them again', () => {
    const params: unknown[] = [];
    const at = (iso: string) => new Date(iso);
    const sets = [
      caseById(
        'status',
        [
          ['x', 'graded'],
          ['y', 'graded'],
        ],
        params,
      ),
      caseById(
        'graded_at',
        [
          ['x', at('2026-12-07T01:00:00Z')],
          ['y', at('2026-12-07T01:00:00Z')],
        ],
        params,
      ),
      caseById(
        'revision',
        [
          ['x', new SqlExpression('revision + 1')],
          ['y', new SqlExpression('revision + 1')],
        ],
        params,
      ),
      caseById(
        'score',
        [
          ['x', 1],
          ['y', '1'],
        ],
        params,
      ),
      caseById(
        'percent',
        [
          ['x', null],
          ['y', undefined],
        ],
        params,
      ),
    ];
    expect(sets).toEqual([
      'status = ?',
      'graded_at = ?',
      'revision = revision + 1',
      'score = CASE id WHEN ? THEN ? WHEN ? THEN ? END',
      'percent = CASE id WHEN ? THEN ? WHEN ? THEN ? END',
    ]);
    expect(params).toEqual(['graded', at('2026-12-07T01:00:00Z'), 'x', 1, 'y', '1', 'x', null, 'y', undefined]);
  });
});
