import fc from 'fast-check';
import { maySee, StreamViewer } from './event-scope';

const agentA = 'a0000000-0000-4000-8000-000000000001';
const agentB = 'a0000000-0000-4000-8000-000000000002';
const team1 = 't0000000-0000-4000-8000-000000000001';
const team2 = 't0000000-0000-4000-8000-000000000002';

const viewer = (v: Partial<StreamViewer>): StreamViewer => ({
  roles: [],
  agentId: null,
  teamId: null,
  ...v,
});

describe('maySee', () => {
  const presence = { teamId: team1, agentId: agentA, audience: ['agent', 'team', 'router'] };
  const privateSelf = { teamId: team1, agentId: agentA, audience: ['agent'] };
  const maskedForOthers = { teamId: team1, agentId: agentA, audience: ['team', 'router'] };
  const offer = { teamId: team1, agentId: agentA, audience: ['agent', 'router'] };

  it('an agent sees its own events, never another agent’s', () => {
    const me = viewer({ roles: ['agent'], agentId: agentA, teamId: team1 });
    const other = viewer({ roles: ['agent'], agentId: agentB, teamId: team1 });
    expect([presence, privateSelf, offer].every((e) => maySee(me, e))).toBe(true);
    expect(maySee(me, maskedForOthers)).toBe(false); // the agent gets the true state instead
    expect([presence, privateSelf, offer, maskedForOthers].some((e) => maySee(other, e))).toBe(
      false,
    );
  });

  it('a supervisor sees its team’s presence and alerts, masked for sessions, and no offers', () => {
    const sup = viewer({ roles: ['supervisor'], teamId: team1 });
    expect(maySee(sup, presence)).toBe(true);
    expect(maySee(sup, maskedForOthers)).toBe(true);
    expect(maySee(sup, privateSelf)).toBe(false);
    expect(maySee(sup, offer)).toBe(false);
    expect(maySee(viewer({ roles: ['supervisor'], teamId: team2 }), presence)).toBe(false);
  });

  it('the router sees router events; admins see team and router events, never the private row', () => {
    const router = viewer({ roles: ['router'] });
    const admin = viewer({ roles: ['admin'] });
    expect(maySee(router, offer)).toBe(true);
    expect(maySee(router, privateSelf)).toBe(false);
    expect(maySee(router, { ...presence, audience: ['team'] })).toBe(false);
    expect(maySee(admin, presence) && maySee(admin, offer)).toBe(true);
    expect(maySee(admin, privateSelf)).toBe(false);
  });

  it('an event only for its agent reaches nobody else, whatever their roles', () => {
    fc.assert(
      fc.property(
        fc.subarray(['admin', 'scheduler', 'supervisor', 'counselor', 'router']),
        fc.constantFrom(team1, team2, null),
        (roles, teamId) =>
          !maySee(viewer({ roles, teamId, agentId: agentB }), {
            teamId: team1,
            agentId: agentA,
            audience: ['agent'],
          }),
      ),
    );
  });

  it('the notifications (agent-only events, one per agent) reach their agent and no one else', () => {
    const uuid = fc.constantFrom<string>(agentA, agentB, 'a0000000-0000-4000-8000-000000000003');
    fc.assert(
      fc.property(
        uuid,
        fc.constantFrom(team1, team2, null),
        fc.subarray(['agent', 'admin', 'scheduler', 'supervisor', 'counselor', 'router']),
        fc.option(uuid),
        fc.constantFrom(team1, team2, null),
        (recipient, eventTeam, roles, viewerAgent, viewerTeam) => {
          const event = { teamId: eventTeam, agentId: recipient, audience: ['agent'] };
          const v = viewer({ roles, agentId: viewerAgent, teamId: viewerTeam });
          // Another team's supervisor, the router and admins never see it; only the agent named does.
          return maySee(v, event) === (viewerAgent === recipient);
        },
      ),
    );
  });

  it('a schedule published to a team reaches each of its agents through their own event only', () => {
    const events = [agentA, agentB].map((agentId) => ({
      teamId: team1,
      agentId,
      audience: ['agent'],
    }));
    const a = viewer({ roles: ['agent'], agentId: agentA, teamId: team1 });
    expect(events.filter((e) => maySee(a, e))).toEqual([events[0]]);
    expect(events.some((e) => maySee(viewer({ roles: ['supervisor'], teamId: team2 }), e))).toBe(
      false,
    );
    expect(events.some((e) => maySee(viewer({ roles: ['supervisor'], teamId: team1 }), e))).toBe(
      false,
    );
    expect(events.some((e) => maySee(viewer({ roles: ['router'] }), e))).toBe(false);
  });
});
