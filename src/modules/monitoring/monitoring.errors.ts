import { defineErrors } from '../../../libs/common';

export const MonitoringError = defineErrors('MONITORING', {
  /** No such region or unit, or not in the caller's region subtree (the same answer: no leak). */
  NODE_NOT_FOUND: 'not_found',
  EXPORT_NOT_FOUND: 'not_found',
  /** The export file is not ready yet, or it has expired. */
  EXPORT_NOT_READY: 'conflict',
  REBUILD_RUNNING: 'conflict',
  REBUILD_NOT_FOUND: 'not_found',
});
