import type { MonitoringRefresh } from '../../../../libs/queue';
import { LeafKind } from './leaf-kind';

/** The leaf kinds a `monitoring.refresh` job can name, and the key each takes (see jobs.ts). */
export type LeafKeys = { [R in MonitoringRefresh as R['leaf']]: R['keys'][number] };

export type LeafName = keyof LeafKeys;
export const LEAF_NAMES: readonly LeafName[] = ['jp', 'course', 'competency', 'plan', 'evaluation'];

/** Injection token: a map from leaf name to its kind. */
export const LEAF_KINDS = Symbol('LEAF_KINDS');
export type LeafKindMap = { [N in LeafName]: LeafKind<LeafKeys[N], unknown> };
