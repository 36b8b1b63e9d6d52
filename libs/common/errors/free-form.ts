import { applyDecorators } from '@nestjs/common';
import { IsObject } from 'class-validator';

const FREE_FORM = new WeakMap<object, Set<string>>();
const RESOLVED = new WeakMap<object, string[]>();

/**
 * A body field holding a JSON object whose inside the service checks itself (a quiz's
 * answers: slot → response, by question type). The validation pipe checks that it is an
 * object and hands it over as parsed, without class-transformer copying it key by key and
 * the pipe's three other walks over it: 25 of a submit's 34 µs of validation for a
 * 20-question exam, on the requests a whole exam sends at its last minute. Fastify's parser
 * has already refused `__proto__` and `constructor.prototype` keys at any depth.
 */
export function FreeFormObject(): PropertyDecorator {
  return applyDecorators(IsObject(), (target: object, property: string | symbol) => {
    const own = FREE_FORM.get(target.constructor) ?? new Set<string>();
    own.add(String(property));
    FREE_FORM.set(target.constructor, own);
  });
}

/** The free-form fields of a class, its parents' included. */
export function freeFormFieldsOf(type: object): string[] {
  let fields = RESOLVED.get(type);
  if (!fields) {
    const found = new Set<string>();
    for (let t: unknown = type; typeof t === 'function' && t !== Function.prototype; t = Object.getPrototypeOf(t)) {
      for (const field of FREE_FORM.get(t) ?? []) found.add(field);
    }
    RESOLVED.set(type, (fields = [...found]));
  }
  return fields;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
