/**
 * Tiny runtime guards for messages that cross a trust boundary (webview ↔ extension host, renderer ↔ host).
 * Each message is declared once as a field → checker map; the TypeScript type is inferred from it, so the type and
 * its guard can never drift apart. Hand-written because schema libraries that compile validators (ajv) need
 * `unsafe-eval`, which our webview CSP forbids.
 */

export type Check<T> = (value: unknown) => value is T;

export const isString: Check<string> = (value): value is string => typeof value === 'string';
export const isNumber: Check<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);
export const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isNull: Check<null> = (value): value is null => value === null;

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value): value is T | undefined => value === undefined || check(value);
}

export function oneOf<const T extends readonly (string | number)[]>(...options: T): Check<T[number]> {
  return (value): value is T[number] => options.includes(value as T[number]);
}

export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value): value is A | B => a(value) || b(value);
}

export function arrayOf<T>(check: Check<T>): Check<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => check(item));
}

export type Shape = Record<string, Check<unknown>>;
export type ShapeType<S extends Shape> = {
  [K in keyof S as undefined extends CheckedType<S[K]> ? never : K]: CheckedType<S[K]>;
} & {
  [K in keyof S as undefined extends CheckedType<S[K]> ? K : never]?: CheckedType<S[K]>;
};
type CheckedType<C> = C extends Check<infer T> ? T : never;

export function objectOf<S extends Shape>(shape: S): Check<ShapeType<S>> {
  return (value): value is ShapeType<S> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    return Object.entries(shape).every(([key, check]) => check(record[key]));
  };
}

/** A message kind: its `type` tag plus payload fields, with the guard derived from the same declaration. */
export function defineMessage<const Type extends string, S extends Shape>(type: Type, shape: S) {
  const check = objectOf({ ...shape, type: oneOf(type) });
  return {
    type,
    is: check as Check<ShapeType<S> & { type: Type }>,
    create: (payload: ShapeType<S>): ShapeType<S> & { type: Type } => ({ ...payload, type }),
  };
}

/**
 * The `default` of a `switch (message.type)` over a message union. With a `case` for every message type, `message` is
 * `never` here; a type added to the union without its `case` is not, so it fails typecheck (and lint's
 * switch-exhaustiveness-check names the missing case). The union's guard runs first, so this is never reached.
 */
export function unhandledMessage(message: never): never {
  throw new Error(`No handler for the message ${JSON.stringify((message as { type?: unknown }).type)}`);
}
