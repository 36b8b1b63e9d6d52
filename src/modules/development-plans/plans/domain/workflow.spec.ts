import type { PlanStatus } from '../entities';
import { PLAN_STATUSES } from '../entities';
import { allowedActions, editable, PlanAction, PlanRole, shouldStart, transitionFor } from './workflow';

describe('plan workflow', () => {
  it.each<[PlanAction, PlanStatus, PlanRole, PlanStatus | null]>([
    ['submit', 'draft', 'owner', 'submitted'],
    ['submit', 'returned', 'owner', 'submitted'],
    ['submit', 'submitted', 'owner', null],
    ['submit', 'approved', 'owner', null],
    ['submit', 'draft', 'supervisor', null],
    ['endorse', 'submitted', 'supervisor', 'endorsed'],
    ['endorse', 'submitted', 'owner', null],
    ['endorse', 'submitted', 'unit_admin', null],
    ['endorse', 'draft', 'supervisor', null],
    ['endorse', 'endorsed', 'supervisor', null],
    ['return', 'submitted', 'supervisor', 'returned'],
    ['return', 'endorsed', 'unit_admin', 'returned'],
    ['return', 'endorsed', 'supervisor', null],
    ['return', 'submitted', 'unit_admin', null],
    ['return', 'approved', 'unit_admin', null],
    ['return', 'draft', 'owner', null],
    ['approve', 'endorsed', 'unit_admin', 'approved'],
    ['approve', 'submitted', 'unit_admin', null],
    ['approve', 'endorsed', 'supervisor', null],
    ['approve', 'endorsed', 'owner', null],
    ['approve', 'approved', 'unit_admin', null],
    ['start', 'approved', 'system', 'in_progress'],
    ['start', 'approved', 'unit_admin', null],
    ['start', 'endorsed', 'system', null],
    ['close', 'in_progress', 'system', 'closed'],
    ['close', 'draft', 'system', 'closed'],
    ['close', 'approved', 'unit_admin', 'closed'],
    ['close', 'in_progress', 'owner', null],
    ['close', 'closed', 'system', null],
    ['close', 'closed', 'unit_admin', null],
  ])('%s from %s by %s → %s', (action, from, by, to) => {
    expect(transitionFor(action, from, [by])?.to ?? null).toBe(to);
  });

  it('requires a comment exactly for returns', () => {
    expect(transitionFor('return', 'submitted', ['supervisor'])?.commentRequired).toBe(true);
    expect(transitionFor('return', 'endorsed', ['unit_admin'])?.commentRequired).toBe(true);
    expect(transitionFor('endorse', 'submitted', ['supervisor'])?.commentRequired).toBe(false);
  });

  it('sends the plan of someone without a supervisor straight to the unit admin', () => {
    expect(transitionFor('submit', 'draft', ['owner'], false)?.to).toBe('endorsed');
    expect(transitionFor('submit', 'draft', ['owner'], true)?.to).toBe('submitted');
  });

  it('lets a person who is several things to the plan act as any of them', () => {
    expect(transitionFor('approve', 'endorsed', ['supervisor', 'unit_admin'])?.to).toBe('approved');
  });

  it.each<[PlanStatus, PlanRole[], PlanAction[]]>([
    ['draft', ['owner'], ['submit']],
    ['returned', ['owner'], ['submit']],
    ['submitted', ['owner'], []],
    ['submitted', ['supervisor'], ['endorse', 'return']],
    ['endorsed', ['unit_admin'], ['approve', 'return', 'close']],
    ['in_progress', ['unit_admin'], ['close']],
    ['closed', ['unit_admin', 'owner', 'supervisor'], []],
  ])('offers %s to %j: %j', (status, roles, actions) => {
    expect(allowedActions(status, roles)).toEqual(actions);
  });

  it.each(PLAN_STATUSES.map((s) => [s, s === 'draft' || s === 'returned']))('%s is editable: %s', (s, yes) => {
    expect(editable(s)).toBe(yes);
  });

  const yearStart = new Date('2026-12-31T17:00:00Z');
  it.each<[PlanStatus, boolean, string, boolean]>([
    ['approved', true, '2026-06-01T00:00:00Z', true],
    ['approved', false, '2026-06-01T00:00:00Z', false],
    ['approved', false, '2026-12-31T17:00:00Z', true],
    ['endorsed', true, '2027-06-01T00:00:00Z', false],
    ['in_progress', true, '2027-06-01T00:00:00Z', false],
  ])('a plan %s (activity done: %s) at %s starts: %s', (status, done, now, start) => {
    expect(shouldStart(status, done, new Date(now), yearStart)).toBe(start);
  });
});
