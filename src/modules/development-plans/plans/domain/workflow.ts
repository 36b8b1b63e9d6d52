import type { PlanStatus } from '../entities';

/** What a person is to a plan; one person may be several (a unit admin reviewing their own staff). */
export type PlanRole = 'owner' | 'supervisor' | 'unit_admin' | 'system';

export type PlanAction = 'submit' | 'endorse' | 'return' | 'approve' | 'start' | 'close';

export interface Transition {
  action: PlanAction;
  by: PlanRole;
  from: PlanStatus;
  to: PlanStatus;
  /** A return must say what to fix. */
  commentRequired: boolean;
}

const t = (action: PlanAction, by: PlanRole, from: PlanStatus, to: PlanStatus, commentRequired = false) => ({
  action,
  by,
  from,
  to,
  commentRequired,
});

/**
 * Who may move a plan from which status to which (PP 11/2017 Pasal 205-206): the ASN drafts
 * and submits, the direct supervisor endorses or returns, the unit admin of the plan's region
 * approves or returns, and the system starts it (first activity done, or the year begins) and
 * closes it after the year. A plan whose owner has no supervisor skips the review: submitting
 * it goes straight to the unit admin (`endorsed`), and the audit trail says so. A unit admin
 * may also close a plan early with a summary.
 */
export const TRANSITIONS: readonly Transition[] = [
  t('submit', 'owner', 'draft', 'submitted'),
  t('submit', 'owner', 'returned', 'submitted'),
  t('endorse', 'supervisor', 'submitted', 'endorsed'),
  t('return', 'supervisor', 'submitted', 'returned', true),
  t('approve', 'unit_admin', 'endorsed', 'approved'),
  t('return', 'unit_admin', 'endorsed', 'returned', true),
  t('start', 'system', 'approved', 'in_progress'),
  ...(['draft', 'submitted', 'returned', 'endorsed', 'approved', 'in_progress'] as const).flatMap((from) => [
    t('close', 'system', from, 'closed'),
    t('close', 'unit_admin', from, 'closed'),
  ]),
];

/**
 * The transition this action takes from this status for a person in these roles, or null
 * when it is not allowed. Submitting without a supervisor lands on `endorsed`.
 */
export function transitionFor(
  action: PlanAction,
  status: PlanStatus,
  roles: readonly PlanRole[],
  hasSupervisor = true,
): Transition | null {
  const found = TRANSITIONS.find((x) => x.action === action && x.from === status && roles.includes(x.by));
  if (!found) return null;
  if (action === 'submit' && !hasSupervisor) return { ...found, to: 'endorsed' };
  return found;
}

/** The actions a person may take on a plan now (what the page offers as buttons). */
export function allowedActions(status: PlanStatus, roles: readonly PlanRole[]): PlanAction[] {
  const actions = TRANSITIONS.filter((x) => x.from === status && x.by !== 'system' && roles.includes(x.by)).map(
    (x) => x.action,
  );
  return [...new Set(actions)];
}

/** Goals and activities are the ASN's to change while the plan is theirs: a draft, or returned to them. */
export function editable(status: PlanStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** An approved plan starts with its first completed activity, or when its year begins. */
export function shouldStart(status: PlanStatus, anyDone: boolean, now: Date, yearStart: Date): boolean {
  return status === 'approved' && (anyDone || now.getTime() >= yearStart.getTime());
}
