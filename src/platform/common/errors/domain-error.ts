import { HttpStatus } from '@nestjs/common';

/**
 * An error the API reports with a stable code. Services throw these; the global
 * filter renders `{ statusCode, error, message, details? }`.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, details?: unknown) =>
  new DomainError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} was not found`, details);

export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError(HttpStatus.CONFLICT, code, message, details);

export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError(HttpStatus.BAD_REQUEST, code, message, details);

export const forbidden = (message = 'You do not have the right to do this') =>
  new DomainError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
