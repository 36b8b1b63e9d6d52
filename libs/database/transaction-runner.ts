import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

interface UnitOfWork {
  manager: EntityManager;
  afterCommit: Array<() => void>;
}

/**
 * Runs a unit of work in one database transaction. Every write in the code base goes
 * through here, which is what makes the embedded default safe: SQLite (through
 * better-sqlite3) has a single connection, so top-level transactions are queued one
 * after another instead of interleaving on it. On MySQL each transaction takes its
 * own pooled connection and nothing is queued. A nested call joins the outer work.
 *
 * On MySQL every query made while a transaction is open in the caller's async context runs
 * on that transaction's connection, whichever repository or module makes it (another
 * module's facade reads with its own repositories). A read on a second pooled connection
 * would wait for a free one: with as many such transactions at once as the pool has
 * connections (twenty people created at once), every one of them waits for ever. It also
 * lets such a read see what the transaction wrote.
 */
@Injectable()
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<UnitOfWork>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
    // SQLite has one connection: its transactions are queued (above) and every query is on it.
    if (!this.serial) this.bindQueriesToTransactions(dataSource);
  }

  private bindQueriesToTransactions(dataSource: DataSource): void {
    const ownRunner = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (mode) => {
      const runner = this.current.getStore()?.manager.queryRunner;
      // A timer set inside a transaction may fire after it ended: that one gets a connection of its own.
      if (runner && !runner.isReleased && runner.isTransactionActive) return borrowed(runner);
      return ownRunner(mode);
    };
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer.manager);
    const afterCommit: Array<() => void> = [];
    const start = async () => {
      const result = await this.dataSource.transaction((manager) =>
        this.current.run({ manager, afterCommit }, () => work(manager)),
      );
      for (const callback of afterCommit) callback();
      return result;
    };
    if (!this.serial) return start();
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Calls back once the transaction in progress has committed (at once when there is none). */
  afterCommit(callback: () => void): void {
    const unit = this.current.getStore();
    if (unit) unit.afterCommit.push(callback);
    else callback();
  }
}

/** The transaction's runner for a query made inside it: whoever borrowed it does not release it. */
function borrowed(runner: QueryRunner): QueryRunner {
  return new Proxy(runner, {
    get(target, property, receiver) {
      if (property === 'release') return () => Promise.resolve();
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
