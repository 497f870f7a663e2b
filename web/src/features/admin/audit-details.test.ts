import { describe, expect, it } from 'vitest';
import { auditDetails } from './audit-details';

describe('auditDetails', () => {
  it('reads an access change field by field', () => {
    expect(
      auditDetails('user.access_changed', {
        roles: { from: ['scheduler'], to: ['scheduler', 'supervisor'] },
        teamId: { from: 'a', to: null },
        active: { from: true, to: false },
      }),
    ).toEqual([
      { kind: 'roles', from: ['scheduler'], to: ['scheduler', 'supervisor'] },
      { kind: 'team', from: 'a', to: null },
      { kind: 'signIn', allowed: false },
    ]);
  });

  it('reads a new login and a publication', () => {
    expect(auditDetails('user.created', { roles: ['agent'], teamId: 't' })).toEqual([
      { kind: 'grantedRoles', roles: ['agent'], teamId: 't' },
    ]);
    expect(
      auditDetails('schedule.published', {
        scheduleId: 's',
        startDate: '2026-01-05',
        days: 7,
        shifts: 40,
      }),
    ).toEqual([{ kind: 'schedule', startDate: '2026-01-05', days: 7, shifts: 40 }]);
  });

  it('says nothing about shapes it does not know, rather than guess', () => {
    expect(auditDetails('user.access_changed', { roles: 'admin' })).toEqual([]);
    expect(auditDetails('user.created', {})).toEqual([]);
    expect(auditDetails('policy.changed', { anything: 1 })).toEqual([]);
    expect(auditDetails('schedule.published', { days: '7' })).toEqual([]);
  });
});
