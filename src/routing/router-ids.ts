import { DomainError } from '../platform/common/errors/domain-error';

/** An id the router makes (a SIP Call-ID, a callback id): printable ASCII, no spaces. */
export const PRINTABLE_ID = /^[\x21-\x7e]+$/;

/** `@Param('callId', CallIdParam)`: a call id the router could have sent (1..255 printable ASCII), else 404. */
export const CallIdParam = {
  transform(value: string): string {
    if (typeof value !== 'string' || value.length > 255 || !PRINTABLE_ID.test(value))
      throw new DomainError(404, 'NOT_FOUND', 'No such call');
    return value;
  },
};
