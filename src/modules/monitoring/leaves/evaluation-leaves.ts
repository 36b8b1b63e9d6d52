import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LeafContribution, LeafKind } from '../rollups/leaf-kind';
import { LeafKeys } from '../rollups/leaf-kinds';
import { RebuildableLeaves } from '../rollups/rebuildable';

type Key = LeafKeys['evaluation'];
type State = never;

/** STUB (skeleton): the 'evaluation' leaves. To be implemented. */
@Injectable()
export class EvaluationLeaves implements LeafKind<Key, State>, RebuildableLeaves {
  readonly name = 'evaluation';

  async claim(_m: EntityManager, _key: Key): Promise<void> {}

  async readLocked(_m: EntityManager, _key: Key): Promise<State | null> {
    return null;
  }

  async compute(_m: EntityManager, _key: Key): Promise<State | null> {
    return null;
  }

  async write(_m: EntityManager, _key: Key, _state: State | null): Promise<void> {}

  contribution(_state: State): LeafContribution {
    return { regionCode: null, unitId: null, rows: [] };
  }

  async rebuildBatch(_m: EntityManager, _cursor: string | null): Promise<{ count: number; next: string | null }> {
    return { count: 0, next: null };
  }

  async groupedContributions(
    _m: EntityManager,
    _cursor: string | null,
  ): Promise<{ contributions: LeafContribution[]; next: string | null }> {
    return { contributions: [], next: null };
  }
}
