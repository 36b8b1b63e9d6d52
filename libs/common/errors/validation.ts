import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonError, DomainException, FieldProblem } from './domain-exception';
import { freeFormFieldsOf, isPlainObject } from './free-form';
import { rememberValidationRules } from './remembered-rules';

/** class-validator names the "unknown property" rule oddly; clients see a plain name. */
const RULE_ALIASES: Record<string, string> = { whitelistValidation: 'unknown_field' };

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: RULE_ALIASES[rule] ?? rule,
      message: rule === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(fields: FieldProblem[]): DomainException {
  const summary = fields.map((f) => `${f.field} (${f.rule})`).join(', ');
  return new DomainException(CommonError.VALIDATION_FAILED, `Invalid input: ${summary}`, { fields });
}

/**
 * The one validation pipe: unknown fields are refused (mass assignment such as
 * `role` or `regionId` in a body is a 400 naming the field), values are converted
 * to the DTO's types, and every problem is listed with its field and rule.
 */
export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}

/** Validates as Nest's pipe does; a body's FreeFormObject fields go through as parsed. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const fields = metadata.type === 'body' && metadata.metatype ? freeFormFieldsOf(metadata.metatype) : [];
    if (fields.length === 0 || !isPlainObject(value)) return super.transform(value, metadata);
    // An empty object stands in for each while the rest is validated; one that is not an
    // object stays, to be refused by the rule as usual.
    const held = fields.filter((f) => isPlainObject(value[f])).map((f) => [f, value[f]] as const);
    const entity = (await super.transform(
      { ...value, ...Object.fromEntries(held.map(([f]) => [f, {}])) },
      metadata,
    )) as Record<string, unknown>;
    for (const [field, given] of held) entity[field] = given;
    return entity;
  }
}
