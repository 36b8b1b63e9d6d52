import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

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
 */
@Injectable()
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<UnitOfWork>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
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
