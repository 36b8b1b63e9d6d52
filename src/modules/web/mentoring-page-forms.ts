import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors, validationFailed } from '../../../libs/common';
import { formText } from './page-actions';

/** The named text fields of a posted form (trimmed, bounded), empty ones left out as the API would. */
export function formValues(body: unknown, fields: Record<string, number>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, max] of Object.entries(fields)) values[name] = formText(body, name, max);
  return values;
}

/** A DTO built from form values and checked by the same rules as the API (a 400-style problem list). */
export async function validated<T extends object>(
  cls: ClassConstructor<T>,
  given: Record<string, unknown>,
): Promise<T> {
  const present = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== '' && v !== undefined));
  const dto = plainToInstance(cls, present);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw validationFailed(flattenValidationErrors(errors));
  return dto;
}
