import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

/** `@Param('id', UuidParam)`: a malformed id is a 404 (it names nothing), not a 500. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(404, 'NOT_FOUND', 'No such resource'),
});

/** `@Param('callId', CallIdParam)`: a call id the router could have sent (1..255 printable ASCII), else 404. */
export const CallIdParam = {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(value))
      throw new DomainError(404, 'NOT_FOUND', 'No such call');
    return value;
  },
};
