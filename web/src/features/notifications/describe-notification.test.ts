import { describe, expect, it } from 'vitest';
import { describeNotification, isNewsFor } from './describe-notification';

describe('isNewsFor', () => {
  it('takes an offer as news only for the agent it is for', () => {
    const offer = { callId: 'c', reservation: { reservationId: 'r', agentId: 'a1' } };
    expect(isNewsFor('call.offered', offer, 'a1')).toBe(true);
    expect(isNewsFor('call.offered', offer, 'a2')).toBe(false);
    // An admin with no agent profile sees every agent's offers in the stream: none is news.
    expect(isNewsFor('call.offered', offer, null)).toBe(false);
    expect(isNewsFor('schedule.published', {}, null)).toBe(true);
  });
});

describe('describeNotification', () => {
  it('leads each kind of news to its page', () => {
    expect(describeNotification('offer.created', { offerId: 'o' }).link).toBe('/agent/counselling');
    expect(describeNotification('schedule.published', {}).link).toBe('/agent/schedule');
    expect(describeNotification('time_off.decided', {}).link).toBe('/agent/schedule');
    expect(describeNotification('shift_swap.decided', {}).link).toBe('/agent/schedule');
    expect(describeNotification('counseling.booking.cancelled', {}).link).toBe(
      '/agent/counselling',
    );
    expect(describeNotification('something.new', {}).link).toBe('/notifications');
  });

  it('says what was decided, with the times', () => {
    expect(
      describeNotification('time_off.decided', {
        status: 'approved',
        startsAt: '2026-01-20T00:00:00.000Z',
        endsAt: '2026-01-21T00:00:00.000Z',
      }),
    ).toEqual({
      bodyKey: 'notifications.body.timeOff.approved',
      values: { from: '2026-01-20T00:00:00.000Z', to: '2026-01-21T00:00:00.000Z' },
      link: '/agent/schedule',
    });
    expect(
      describeNotification('time_off.decided', { status: 'denied', startsAt: 'a', endsAt: 'b' })
        .bodyKey,
    ).toBe('notifications.body.timeOff.denied');
    expect(describeNotification('shift_swap.decided', { status: 'completed' }).bodyKey).toBe(
      'notifications.body.swap.completed',
    );
    expect(
      describeNotification('schedule.published', { startDate: '2026-01-07', days: 7 }),
    ).toMatchObject({
      bodyKey: 'notifications.body.schedule',
      values: { startDate: '2026-01-07', days: 7 },
    });
  });

  it('says nothing it cannot know: unknown statuses and missing times give the title alone', () => {
    expect(describeNotification('time_off.decided', { status: 'weird' }).bodyKey).toBeNull();
    expect(describeNotification('shift_swap.decided', { status: 'open' }).bodyKey).toBeNull();
    expect(
      describeNotification('schedule.published', { startDate: '2026-01-07' }).bodyKey,
    ).toBeNull();
  });

  it('a session cancelled by the counsellor shows its time; after erasure, no time at all', () => {
    expect(
      describeNotification('counseling.booking.cancelled', {
        cancelledBy: 'counselor',
        startsAt: '2026-01-06T02:00:00.000Z',
        bookingId: 'b',
      }),
    ).toMatchObject({
      bodyKey: 'notifications.body.sessionCancelled',
      values: { from: '2026-01-06T02:00:00.000Z' },
    });
    expect(
      describeNotification('counseling.booking.cancelled', { cancelledBy: 'erasure' }),
    ).toEqual({
      bodyKey: 'notifications.body.sessionErased',
      values: {},
      link: '/agent/counselling',
    });
  });
});
