import { DomainException, STATUS_BY_KIND } from '../../../libs/common';
import { formProblems } from './page-actions';
import type { Translate } from './i18n/messages';

export interface EvaluationProblems {
  status: number;
  message: string;
  /** Field problems with the field's label as the page shows it. */
  fields: Array<{ field: string; label: string; message: string }>;
  /** Answered already or expired: the form is not shown again. */
  conflict: boolean;
}

const RULES = ['isIn', 'maxLength', 'isNotEmpty', 'isString'];

const LABELS: Record<string, Parameters<Translate>[0]> = {
  material: 'eval.item.material',
  delivery: 'eval.item.delivery',
  usefulness: 'eval.item.usefulness',
  comment: 'eval.comment',
  applied: 'eval.followUp.questionLearner',
  examples: 'eval.examples',
};

/** A failed answer as the form shows it: which field, in the page's words; 404s go on to the error page. */
export function evaluationProblems(err: unknown, t: Translate): EvaluationProblems {
  if (err instanceof DomainException && err.error.kind === 'not_found') throw err;
  const { message, fields } = formProblems(err);
  const kind = (err as DomainException).error.kind;
  const conflict = kind === 'conflict';
  return {
    status: STATUS_BY_KIND[kind],
    message: conflict ? t('eval.conflict') : message,
    fields: fields.map((f) => ({
      field: f.field,
      label: LABELS[f.field] ? t(LABELS[f.field]) : f.field,
      message: RULES.includes(f.rule) ? t(`eval.problem.${f.rule}` as Parameters<Translate>[0]) : f.message,
    })),
    conflict,
  };
}
