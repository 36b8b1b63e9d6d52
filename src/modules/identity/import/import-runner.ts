import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccessScope } from '../../../../libs/auth';
import { Clock, newId } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { failUnfinishedRun } from '../../../../libs/queue';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { User, UserImport, UserImportError } from '../entities';
import { PeopleChangedSubscribers } from '../people-changed';
import { ImportPlan, ImportPlanner } from './import-planner';
import { readImportFile } from './import-reader';

export const IMPORT_CHUNK = 500;

/**
 * Applies a queued import. Rows are taken in chunks of IMPORT_CHUNK lines; each chunk
 * (its users, its error rows and the progress counters) commits in one transaction,
 * so a crash leaves whole chunks only and a re-run resumes after the last one.
 * Supervisors are linked at the end, when everyone in the file exists.
 */
@Injectable()
export class ImportRunner {
  constructor(
    @InjectRepository(UserImport) private readonly imports: Repository<UserImport>,
    private readonly planner: ImportPlanner,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly peopleChanged: PeopleChangedSubscribers,
  ) {}

  async run(importId: string): Promise<void> {
    const job = await this.imports.findOneBy({ id: importId });
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    const scope: AccessScope = job.scopeRegionCode
      ? { kind: 'region', regionCode: job.scopeRegionCode }
      : { kind: 'national' };
    const { table } = await readImportFile(await this.storage.get(job.fileKey));
    const plan = await this.planner.plan(table, scope);
    await this.imports.update({ id: importId }, { status: 'running', totalRows: table.rows.length });

    const lines = table.rows.map((r) => r.line);
    for (let start = job.processedRows; start < lines.length; start += IMPORT_CHUNK) {
      const end = Math.min(start + IMPORT_CHUNK, lines.length);
      await this.applyChunk(importId, plan, lines[start], lines[end - 1], end);
    }
    await this.tx.run(async (m) => {
      await this.linkSupervisors(m, plan);
      await m.update(UserImport, { id: importId }, { status: 'completed', finishedAt: this.clock.now() });
    });
  }

  /**
   * Fails an import that has not finished, with why. Conditional on queued/running: an import
   * completed (or failed) meanwhile, say by a worker that finished it before dying, is left as
   * it is. Returns whether this call failed it.
   */
  async markFailed(importId: string, reason: string): Promise<boolean> {
    return this.tx.run((m) =>
      failUnfinishedRun(m, UserImport, importId, { failure: reason.slice(0, 500), finishedAt: this.clock.now() }),
    );
  }

  /** Lines firstLine..lastLine of the file, in one transaction with the progress it makes. */
  private async applyChunk(importId: string, plan: ImportPlan, firstLine: number, lastLine: number, processed: number) {
    const within = (line: number) => line >= firstLine && line <= lastLine;
    const records = plan.records.filter((r) => within(r.line));
    const problems = plan.problems.filter((p) => within(p.line));
    await this.tx.run(async (m) => {
      const now = this.clock.now();
      const existing = new Map(
        records.length ? (await m.findBy(User, { nip: In(records.map((r) => r.nip)) })).map((u) => [u.nip!, u]) : [],
      );
      const fresh = records.filter((r) => !existing.has(r.nip));
      const freshIds = fresh.map(() => newId());
      if (fresh.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(User)
          .values(
            fresh.map((r, i) => ({
              id: freshIds[i],
              nip: r.nip,
              name: r.name,
              email: r.email,
              phone: r.phone,
              passwordHash: null,
              role: 'learner' as const,
              employeeType: r.employeeType,
              golongan: r.golongan,
              positionId: r.positionId,
              unitId: r.unitId,
              regionCode: r.regionCode,
              scopeRegionCode: null,
              supervisorId: null,
              locale: 'id' as const,
              active: true,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .execute();
      }
      const changed = records.filter((r) => existing.has(r.nip) && r.action === 'update');
      for (const r of changed) {
        // Profile fields only: an import never touches role, scope or password.
        const fields: Partial<User> = {
          name: r.name,
          employeeType: r.employeeType,
          unitId: r.unitId,
          regionCode: r.regionCode,
          updatedAt: now,
        };
        if (r.email !== null) fields.email = r.email;
        if (r.phone !== null) fields.phone = r.phone;
        if (r.golongan !== null) fields.golongan = r.golongan;
        if (r.positionId !== null) fields.positionId = r.positionId;
        await m.update(User, { nip: r.nip }, fields);
      }
      const touched = [...freshIds, ...changed.map((r) => existing.get(r.nip)!.id)];
      if (touched.length > 0) await this.peopleChanged.notify(m, { userIds: touched });
      if (problems.length > 0) {
        await m
          .createQueryBuilder()
          .insert()
          .into(UserImportError)
          .values(
            problems.map((p) => ({
              id: newId(),
              importId,
              line: p.line,
              column: p.column,
              reason: p.reason.slice(0, 300),
            })),
          )
          .execute();
      }
      await m
        .createQueryBuilder()
        .update(UserImport)
        .set({
          processedRows: processed,
          createdCount: () => `created_count + ${fresh.length}`,
          updatedCount: () => `updated_count + ${changed.length}`,
          unchangedCount: () => `unchanged_count + ${records.length - fresh.length - changed.length}`,
          errorCount: () => `error_count + ${problems.length}`,
        })
        .where({ id: importId })
        .execute();
    });
  }

  private async linkSupervisors(m: EntityManager, plan: ImportPlan): Promise<void> {
    const withSupervisor = plan.records.filter((r) => r.supervisorNip);
    if (withSupervisor.length === 0) return;
    const nips = [...new Set(withSupervisor.map((r) => r.supervisorNip!))];
    const ids = new Map<string, string>();
    for (let i = 0; i < nips.length; i += 1000) {
      for (const u of await m.findBy(User, { nip: In(nips.slice(i, i + 1000)) })) ids.set(u.nip!, u.id);
    }
    const bySupervisor = new Map<string, string[]>();
    for (const r of withSupervisor) {
      const id = ids.get(r.supervisorNip!);
      if (id) bySupervisor.set(id, [...(bySupervisor.get(id) ?? []), r.nip]);
    }
    for (const [supervisorId, members] of bySupervisor) {
      for (let i = 0; i < members.length; i += 1000) {
        await m.update(User, { nip: In(members.slice(i, i + 1000)) }, { supervisorId });
      }
    }
    // Someone named as a direct supervisor reviews plans and answers follow-ups: the role
    // that shows them those pages. Only learners are promoted; staff roles stay as they are.
    const supervisorIds = [...bySupervisor.keys()];
    for (let i = 0; i < supervisorIds.length; i += 1000) {
      await m.update(User, { id: In(supervisorIds.slice(i, i + 1000)), role: 'learner' }, { role: 'supervisor' });
    }
  }
}
