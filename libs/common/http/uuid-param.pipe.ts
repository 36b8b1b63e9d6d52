import { ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from '../errors/validation';

/** `@Param('id', UuidParam)`: a malformed id is a 400 naming the parameter, in the one error shape. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => validationFailed([{ field: 'id', rule: 'isUuid', message: 'id must be a UUID' }]),
});
