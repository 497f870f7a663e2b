import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { isDatabaseUnavailable } from './all-exceptions.filter';
import { DomainError } from './domain-error';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens class-validator's tree into one entry per bad field path (`dialects.0.proficiency`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, messages: Object.values(error.constraints) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export function validationFailed(fields: FieldError[]): DomainError {
  return new DomainError(
    400,
    'VALIDATION_FAILED',
    `Invalid request: ${fields.map((f) => f.field).join(', ')}`,
    { fields },
  );
}

/** Keys that name JavaScript's object machinery: never a field of ours, and class-transformer drops them silently. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What no DTO accepts, found in the raw input before class-transformer sees it: a NUL character in
 * any string (PostgreSQL cannot store it) and keys that name the prototype machinery.
 */
export function unstorableInputErrors(value: unknown, root: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000'))
        out.push({ field: path, messages: [`${path} must not contain a NUL character`] });
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        const field = path ? `${path}.${key}` : key;
        if (PROTOTYPE_KEYS.has(key))
          out.push({ field, messages: [`property ${key} should not exist`] });
        else stack.push([(v as Record<string, unknown>)[key], field]);
      }
    }
  }
  return out.reverse();
}

const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/**
 * `null` where the DTO does not declare the field nullable (`@ApiProperty({ nullable: true })`):
 * class-validator's IsOptional lets null through, and the column would refuse it with a 500.
 */
export function undeclaredNullErrors(value: unknown, root = ''): FieldError[] {
  const out: FieldError[] = [];
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const prototype = Object.getPrototypeOf(v) as object | null;
    const typed = prototype !== null && prototype !== Object.prototype && !Array.isArray(v);
    for (const key of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[key];
      const field = path ? `${path}.${key}` : key;
      if (child === null) {
        const declared = typed
          ? (Reflect.getMetadata(SWAGGER_PROPERTY, prototype, key) as
              { nullable?: boolean } | undefined)
          : undefined;
        if (typed && !declared?.nullable)
          out.push({ field, messages: [`${field} must not be null`] });
      } else stack.push([child, field]);
    }
  }
  return out.reverse();
}

/**
 * A validator that throws on odd input (validator.js's isEmail on a lone UTF-16 surrogate throws
 * URIError) means the input is invalid, not that the server failed: 400, never 500.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const root = metadata.type === 'body' ? '' : (metadata.data ?? metadata.type);
    const unstorable = unstorableInputErrors(value, root);
    if (unstorable.length) throw validationFailed(unstorable);
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof HttpException || e instanceof DomainError || isDatabaseUnavailable(e))
        throw e;
      throw validationFailed([
        { field: metadata.data ?? metadata.type, messages: ['could not be read'] },
      ]);
    }
    if (metadata.type === 'body') {
      const nulls = undeclaredNullErrors(transformed);
      if (nulls.length) throw validationFailed(nulls);
    }
    return transformed;
  }
}

/** Rejects unknown fields and reports every bad field; transforms query strings to declared types. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
  });
}
