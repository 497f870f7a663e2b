import { NotFoundException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { renderError } from './all-exceptions.filter';
import { registerConstraintCode } from './constraint-codes';
import { DomainError } from './domain-error';

const pgError = (code: string, constraint?: string) =>
  new QueryFailedError('select 1', [], Object.assign(new Error('pg'), { code, constraint }));

describe('renderError', () => {
  it('passes domain errors through with their code and details', () => {
    expect(
      renderError(new DomainError(409, 'NO_AGENT_AVAILABLE', 'none', { retryAfterSeconds: 3 })),
    ).toMatchObject({
      statusCode: 409,
      error: 'NO_AGENT_AVAILABLE',
      details: { retryAfterSeconds: 3 },
    });
  });

  it('maps a NOT NULL violation and a NUL character the database refused to 400, not 500', () => {
    for (const code of ['23502', '22021', '22P05'])
      expect(renderError(pgError(code))).toMatchObject({
        statusCode: 400,
        error: 'VALIDATION_FAILED',
      });
  });

  it('maps Nest HTTP errors to stable codes', () => {
    expect(renderError(new NotFoundException())).toMatchObject({
      statusCode: 404,
      error: 'NOT_FOUND',
    });
  });

  it('maps a registered unique violation to its code, an unknown one to ALREADY_EXISTS', () => {
    registerConstraintCode('uq_test_thing', 'DUPLICATE_THING', 'dup');
    expect(renderError(pgError('23505', 'uq_test_thing'))).toMatchObject({
      statusCode: 409,
      error: 'DUPLICATE_THING',
    });
    expect(renderError(pgError('23505', 'other'))).toMatchObject({
      statusCode: 409,
      error: 'ALREADY_EXISTS',
    });
    expect(renderError(pgError('23P01'))).toMatchObject({ statusCode: 409, error: 'OVERLAP' });
  });

  it('reports an unreachable database as 503 with Retry-After', () => {
    const rendered = renderError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    expect(rendered).toMatchObject({ statusCode: 503, error: 'DATABASE_UNAVAILABLE' });
    expect(rendered.headers?.['Retry-After']).toBeDefined();
  });

  it('treats a transaction whose connection broke mid-way, or a client-side query timeout, as unavailable', () => {
    expect(renderError(new QueryRunnerProviderAlreadyReleasedError())).toMatchObject({
      statusCode: 503,
      error: 'DATABASE_UNAVAILABLE',
    });
    // The query runner's own flag: the connection broke between two statements of a transaction.
    expect(renderError(new QueryRunnerAlreadyReleasedError()).statusCode).toBe(503);
    expect(renderError(new Error('Client was closed and is not queryable')).statusCode).toBe(503);
    expect(renderError(new Error('Query read timeout')).statusCode).toBe(503);
  });

  it('hides anything unexpected behind a bare 500', () => {
    const rendered = renderError(new Error('secret internals at /srv/x.ts:12'));
    expect(rendered).toEqual({
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side',
    });
  });
});
