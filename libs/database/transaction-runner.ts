import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a unit of work in one database transaction. Every write in the code base goes
 * through here, which is what makes the embedded default safe: SQLite (through
 * better-sqlite3) has a single connection, so top-level transactions are queued one
 * after another instead of interleaving on it. On MySQL each transaction takes its
 * own pooled connection and nothing is queued. A nested call joins the outer work.
 */
@Injectable()
export class TransactionRunner {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
  }

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = this.current.getStore();
    if (outer) return work(outer);
    const start = () => this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
    if (!this.serial) return start();
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The manager of the transaction in progress, if any (for code that may run inside one). */
  managerOrDefault(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }
}
