import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A bulk regrade of a quiz's attempts after an answer key was fixed; it reports progress. */
@Entity('regrade_run')
@Index('IDX_regrade_run_quiz', ['quizId', 'createdAt'])
export class RegradeRun {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'quiz_id', type: 'varchar', length: 36 })
  quizId: string;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy: string;

  /** `failed`: its job was given up after its retries; another regrade of the quiz may start. */
  @Column({ type: 'varchar', length: 8 })
  status: 'queued' | 'running' | 'done' | 'failed';

  /**
   * The attempts it visits: counted when asked, raised while running if attempts came in
   * meanwhile (done never passes it), and equal to done once it is done.
   */
  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int' })
  done: number;

  /** Attempts whose score changed. */
  @Column({ type: 'int' })
  changed: number;

  /** The last attempt id done: a run resumed after a crash goes on from here. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  cursor: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}
