import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PAIRING_STATUSES = ['active', 'completed', 'ended'] as const;
/** active: sessions may be logged; completed: ended with the goal met (and a level); ended: stopped early. */
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** A senior ASN (mentor) paired with a junior (mentee) for one competency by a unit admin. */
@Entity('mentoring_pairing')
@Index('UQ_mentoring_pairing_active', ['activeKey'], { unique: true })
@Index('IDX_mentoring_pairing_mentor', ['mentorId', 'status'])
@Index('IDX_mentoring_pairing_mentee', ['menteeId', 'status'])
@Index('IDX_mentoring_pairing_region', ['regionCode', 'status'])
export class MentoringPairing {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'mentor_id', type: 'varchar', length: 36 })
  mentorId: string;

  @Column({ name: 'mentee_id', type: 'varchar', length: 36 })
  menteeId: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 20 })
  competencyCode: string;

  /** The mentee's region when paired: the admins whose subtree holds it see the pairing. */
  @Column({ name: 'region_code', type: 'varchar', length: 20, nullable: true })
  regionCode: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: PairingStatus;

  /**
   * `mentor:mentee:competency` while active, null once ended: the unique index makes
   * "one active pair per mentor, mentee and competency" hold even when two admins race.
   */
  @Column({ name: 'active_key', type: 'varchar', length: 100, nullable: true })
  activeKey: string | null;

  /** The level the admin judged the mentee to have reached (completed pairings only). */
  @Column({ name: 'achieved_level', type: 'int', nullable: true })
  achievedLevel: number | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ name: 'ended_by', type: 'varchar', length: 36, nullable: true })
  endedBy: string | null;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_note', type: 'varchar', length: 500, nullable: true })
  endNote: string | null;
}
