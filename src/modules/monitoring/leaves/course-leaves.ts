import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../../../libs/common';
import { LearningApi } from '../../learning/learning.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { MonCourseLeaf } from '../entities';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';
import { COURSE_NODE_SOURCES } from './course/course-nodes';
import { courseContribution, CourseState, courseStateOf, courseStateOfTotals } from './course/course-state';
import { insertIgnore, lockedLeaf, regionsOfUnits } from './leaf-rows';
import { keyRange, syncLeaves } from './leaf-sync';

type Key = LeafKeys['course'];
type State = CourseState & Key;

/** Courses per rebuild batch: each batch is two GROUP BYs over their range of the covering index. */
const COURSES_PER_BATCH = 50;

/**
 * The 'course' leaves: one per course, assignment ('' = self-enrolled) and unit ('' = none),
 * counting requested, active and completed enrolments and the active ones per deadline day,
 * from the enrolment table's covering index (through LearningApi). The region is the unit's;
 * enrolments of learners without a unit count at the nation only.
 */
@Injectable()
export class CourseLeaves implements LeafKind<Key, State>, RebuildableLeaves {
  readonly name = 'course';
  readonly nodeSources = COURSE_NODE_SOURCES;

  constructor(
    private readonly learning: LearningApi,
    private readonly organisation: OrganisationApi,
    private readonly clock: Clock,
  ) {}

  async claim(m: EntityManager, key: Key): Promise<void> {
    await insertIgnore(m, MonCourseLeaf, [this.row(key, null)]);
  }

  async readLocked(m: EntityManager, key: Key): Promise<State | null> {
    const row = await lockedLeaf(m, MonCourseLeaf, key);
    return row?.applied ? fromRow(row) : null;
  }

  async compute(_m: EntityManager, key: Key): Promise<State | null> {
    const counts = await this.learning.enrolmentCountsOf(key.courseId, key.assignmentKey, key.unitKey);
    if (counts.length === 0) return null;
    const regions = await regionsOfUnits(this.organisation, [key.unitKey]);
    const state = courseStateOf(counts, regions.get(key.unitKey) ?? null);
    return state && { ...key, ...state };
  }

  async write(m: EntityManager, key: Key, state: State | null): Promise<void> {
    if (!state) await m.delete(MonCourseLeaf, key);
    else await m.update(MonCourseLeaf, key, this.row(key, state));
  }

  contribution(state: State): LeafContribution {
    return courseContribution(state, state);
  }

  async rebuildBatch(m: EntityManager, cursor: string | null): Promise<{ count: number; next: string | null }> {
    const { places, lastCourseId } = await this.learning.enrolmentPlacesAfter(cursor, COURSES_PER_BATCH);
    const regions = await regionsOfUnits(
      this.organisation,
      places.map((p) => p.unitId ?? ''),
    );
    const now = this.clock.now();
    const rows: MonCourseLeaf[] = [];
    for (const p of places) {
      const key = { courseId: p.courseId, assignmentKey: p.assignmentId ?? '', unitKey: p.unitId ?? '' };
      const state = courseStateOfTotals(p, regions.get(key.unitKey) ?? null);
      if (state) rows.push(this.row(key, state, now));
    }
    await syncLeaves(m, MonCourseLeaf, keyRange('course_id', cursor, lastCourseId), rows);
    return { count: rows.length, next: lastCourseId };
  }

  private row(key: Key, state: CourseState | null, now = this.clock.now()): MonCourseLeaf {
    return {
      courseId: key.courseId,
      assignmentKey: key.assignmentKey,
      unitKey: key.unitKey,
      applied: state !== null,
      regionCode: state?.regionCode ?? null,
      requested: state?.requested ?? 0,
      active: state?.active ?? 0,
      completed: state?.completed ?? 0,
      openByDay: state ? JSON.stringify(state.openByDay) : null,
      updatedAt: now,
    };
  }
}

function fromRow(row: MonCourseLeaf): State {
  return {
    courseId: row.courseId,
    assignmentKey: row.assignmentKey,
    unitKey: row.unitKey,
    regionCode: row.regionCode,
    requested: row.requested,
    active: row.active,
    completed: row.completed,
    openByDay: row.openByDay ? (JSON.parse(row.openByDay) as Record<string, number>) : {},
  };
}
