import { accessChange } from './access-change';

const before = { roles: ['supervisor' as const], teamId: 'team-a', active: true };

describe('accessChange', () => {
  it('is null when nothing that grants access changed', () => {
    expect(accessChange(before, {})).toBeNull();
    expect(
      accessChange(before, { roles: ['supervisor'], teamId: 'team-a', active: true }),
    ).toBeNull();
  });

  it('compares roles as a set, and keeps them sorted', () => {
    const two = { ...before, roles: ['supervisor' as const, 'scheduler' as const] };
    expect(accessChange(two, { roles: ['scheduler', 'supervisor'] })).toBeNull();
    expect(accessChange(before, { roles: ['supervisor', 'admin'] })).toEqual({
      roles: { from: ['supervisor'], to: ['admin', 'supervisor'] },
    });
  });

  it('names each changed field with what it was and what it became', () => {
    expect(accessChange(before, { teamId: null, active: false })).toEqual({
      teamId: { from: 'team-a', to: null },
      active: { from: true, to: false },
    });
  });
});
