import { badRequest } from '../errors/domain-error';

/** 400 VALIDATION_FAILED unless `from` is before `to` and they are at most `maxDays` apart. */
export function assertSpan(from: Date, to: Date, maxDays: number): void {
  if (to <= from || to.getTime() - from.getTime() > maxDays * 86_400_000)
    throw badRequest('VALIDATION_FAILED', `from must be before to, at most ${maxDays} days apart`, {
      fields: [{ field: 'to', messages: [`must be after from and within ${maxDays} days`] }],
    });
}
