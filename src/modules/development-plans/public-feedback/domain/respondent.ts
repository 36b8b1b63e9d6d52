/**
 * The optional respondent profile of the SKM questionnaire. Every item may be left empty:
 * the survey is anonymous and nothing here identifies a person.
 */
export const AGE_BANDS = ['under-25', '25-34', '35-44', '45-54', '55-64', '65-plus'] as const;
export const SEXES = ['male', 'female'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export const OCCUPATIONS = ['pns', 'tni', 'polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;

export type AgeBand = (typeof AGE_BANDS)[number];
export type Sex = (typeof SEXES)[number];
export type Education = (typeof EDUCATIONS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];

/** The free-text suggestion: long enough for a paragraph, short enough to read at a glance. */
export const SUGGESTION_MAX = 1000;
