import { DomainException } from '../../../../libs/common';
import { AssessmentError } from '../assessment.errors';

export const NOT_UTF8 = 'The file is not UTF-8 text: save it as UTF-8';

/**
 * The text of an uploaded GIFT file, for the API and the page alike. Only UTF-8 (with or
 * without a BOM) is read: any other encoding would import as mojibake (Windows-1252 quotes
 * as U+FFFD) or fail with a misleading syntax error (UTF-16), so it is refused as a whole.
 * A NUL character is refused too: it is how UTF-16 text without a BOM looks as UTF-8, and
 * no question holds one. `refusal` is the message, in the asker's language.
 */
export function decodeGiftFile(bytes: Uint8Array, refusal = NOT_UTF8): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(refusal);
  }
  if (text.includes('\u0000')) throw notUtf8(refusal);
  return text;
}

function notUtf8(message: string): DomainException {
  return new DomainException(AssessmentError.IMPORT_INVALID, message, {
    fields: [{ field: 'file', rule: 'utf8', message }],
  });
}
