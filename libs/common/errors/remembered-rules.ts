import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;

const INSTALLED = Symbol('bina.rememberedRules');

/**
 * class-validator finds a class's rules on every validation by walking the rules of every
 * validated class of the app (an `instanceof` against each, about a hundred here) and then
 * grouping them by property: 15-20 µs of each request with a body, the most of a submit's
 * validation. The rules are fixed once the classes are loaded, so the lookup is remembered
 * per class and options, and forgotten whenever a rule is added (a class loaded later).
 * Idempotent: the storage is shared by every pipe.
 */
export function rememberValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  let found = new Map<unknown, Map<string, Rules>>();
  let grouped = new WeakMap<Rules, Record<string, Rules>>();
  const forget = () => {
    found = new Map();
    grouped = new WeakMap();
  };

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let byOptions = found.get(target);
    if (!byOptions) found.set(target, (byOptions = new Map()));
    let rules = byOptions.get(options);
    if (!rules) byOptions.set(options, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (rules) => {
    let byProperty = grouped.get(rules);
    if (!byProperty) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };

  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[method].bind(storage) as (arg: never) => void;
    (storage[method] as (arg: never) => void) = (arg: never) => {
      forget();
      add(arg);
    };
  }
}
