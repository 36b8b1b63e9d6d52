import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FieldProblem, flattenValidationErrors, validationFailed } from '../../../libs/common';
import { ELEMENT_CODES } from '../development-plans/public-feedback/domain/ikm';
import { SUGGESTION_MAX } from '../development-plans/public-feedback/domain/respondent';
import { SurveyResponseDto } from '../development-plans/public-feedback/dto/survey-response.dto';
import type { MessageKey, Translate } from './i18n/messages';
import { formText } from './page-actions';

/** The fields of the survey form, as posted (the page keeps them when it has to ask again). */
export const SURVEY_FIELDS = [
  ...ELEMENT_CODES,
  'ageBand',
  'sex',
  'education',
  'occupation',
  'suggestion',
  'website',
  'formToken',
] as const;

export type SurveyValues = Partial<Record<(typeof SURVEY_FIELDS)[number], string>>;

/** Picks the survey's fields from a form post (bounded), ignoring anything else (the CSRF token). */
export function surveyValues(body: unknown): SurveyValues {
  const out: SurveyValues = {};
  for (const name of SURVEY_FIELDS) {
    const text = formText(body, name, name === 'suggestion' ? SUGGESTION_MAX + 100 : 200);
    if (text !== '') out[name] = text;
  }
  return out;
}

/** The form's values as the API's DTO, checked by the same rules (a 400 naming each field). */
export async function surveyDto(values: SurveyValues): Promise<SurveyResponseDto> {
  const dto = plainToInstance(SurveyResponseDto, { formToken: '', ...values });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}

/** A field problem in the page's words: which question to answer, which choice is unknown. */
export function localiseSurveyProblem(t: Translate, problem: FieldProblem): string | null {
  const index = (ELEMENT_CODES as readonly string[]).indexOf(problem.field);
  if (index >= 0) {
    const code = ELEMENT_CODES[index];
    return t('survey.pick', { n: index + 1, name: t(`survey.${code}.name` as MessageKey) });
  }
  if (problem.field === 'suggestion') return t('survey.suggestionTooLong', { max: SUGGESTION_MAX });
  if (problem.field === 'formToken') return t('survey.expired');
  return t('survey.invalidChoice', { field: problem.field });
}
