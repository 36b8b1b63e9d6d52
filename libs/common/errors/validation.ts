import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonError, DomainException, FieldProblem } from './domain-exception';
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
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
