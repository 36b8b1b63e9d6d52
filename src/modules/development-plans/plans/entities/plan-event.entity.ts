import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The audit trail of a plan: every transition and edit, with who, when and why. */
@Entity('plan_event')
@Index('IDX_plan_event_plan', ['planId', 'at'])
export class PlanEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  /** Null for the system (a completion ticking an activity, the year-end close). */
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  /** created, edited, submitted, returned, endorsed, approved, started, activity-done, closed, ... */
  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 12, nullable: true })
  toStatus: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
