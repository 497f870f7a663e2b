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

/**
 * A validator that throws on odd input (validator.js's isEmail on a lone UTF-16 surrogate throws
 * URIError) means the input is invalid, not that the server failed: 400, never 500.
 */
class SafeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof HttpException || e instanceof DomainError || isDatabaseUnavailable(e))
        throw e;
      throw validationFailed([
        { field: metadata.data ?? metadata.type, messages: ['could not be read'] },
      ]);
    }
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
