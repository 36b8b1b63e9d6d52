import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainException, flattenValidationErrors, Locale, validationFailed } from '../../../libs/common';
import { PlanAction } from '../development-plans/plans/domain/workflow';
import { PlansError } from '../development-plans/plans/plans.errors';
import { FormError, formError } from './certificate-form-errors';
import { translator } from './i18n/messages';
import { problemText } from './i18n/problem-text';

/** A form post's fields as strings (forms never bind to DTOs directly); empty ones left out. */
export function formFields(body: unknown, names: readonly string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim().slice(0, 1000);
  }
  return out;
}

/** Validates form fields against the API's DTO, so the pages follow the same rules as the API. */
export async function formDto<T extends object>(type: new () => T, fields: Record<string, unknown>): Promise<T> {
  const dto = plainToInstance(type, fields);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}

/** Which form failed (its key, e.g. "goal-add" or "activity-<id>"), what was typed, and what is wrong. */
export interface PlanFormProblem extends FormError {
  form: string;
  values: Record<string, string>;
}

export function planFormProblem(
  err: unknown,
  locale: Locale,
  form: string,
  values: Record<string, string>,
): PlanFormProblem {
  const t = translator(locale);
  // Each field's problem in the page's words, by its rule ("Kompetensi sudah tidak berlaku").
  const problem = formError(err, (fieldProblem) => problemText(locale, fieldProblem));
  problem.message = problemText(locale, { field: '', rule: '', message: problem.message });
  if (err instanceof DomainException && err.code === PlansError.STALE_VERSION.code) problem.message = t('plans.stale');
  if (err instanceof DomainException && err.code === PlansError.TRANSITION_NOT_ALLOWED.code)
    problem.message = t('plans.notAllowed');
  return { ...problem, form, values };
}

/** The page slugs of the workflow moves (Bahasa Indonesia URLs). */
export const ACTION_SLUGS: Record<string, PlanAction> = {
  ajukan: 'submit',
  rekomendasikan: 'endorse',
  kembalikan: 'return',
  setujui: 'approve',
  tutup: 'close',
};

export const SLUG_OF: Record<PlanAction, string> = {
  submit: 'ajukan',
  endorse: 'rekomendasikan',
  return: 'kembalikan',
  approve: 'setujui',
  start: '',
  close: 'tutup',
};
