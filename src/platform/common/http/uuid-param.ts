import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** `@Param('id', UuidParam)`: a malformed id is a 404 (it names nothing), not a 500. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(404, 'NOT_FOUND', 'No such resource'),
});
