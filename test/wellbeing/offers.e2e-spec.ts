import {
  agentOfferedCounsellingAfterOneHostileCall,
  book,
  createCounselor,
} from '../support/counseling';
import { setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { runCall } from './helpers';

describe('wellbeing: counselling offers with suggested slots', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  it('an offer from the policy reaches the agent alone, with slots computed when read, dialect-matching counsellors first', async () => {
    const other = await createCounselor(t, { languages: ['cmn'] });
    const wuu = await createCounselor(t, { languages: ['wuu', 'cmn'] });
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId, dialects: [{ tag: 'wuu', proficiency: 5 }] });
    const supervisor = await t.createUser(['supervisor'], teamId);
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(bearer(supervisor.token))
      .send({ counsellingOfferAt: 1 })
      .expect(200);
    await setPresence(t, agent, 'available');
    const offersOf = async () =>
      (await t.http().get('/v1/wellbeing/offers').set(bearer(agent.token)).expect(200)).body.offers;
    expect(await offersOf()).toEqual([]);

    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    const [offer] = await offersOf();
    expect(offer).toMatchObject({ kind: 'counselling' });
    expect(offer.suggestedSlots).toHaveLength(3);
    expect(
      offer.suggestedSlots.every((s: { counselorId: string }) => s.counselorId === wuu.counselorId),
    ).toBe(true);
    // 2026-01-05 16:03 in Shanghai: the first free start is 09:00 local the next day.
    expect(offer.suggestedSlots[0]).toMatchObject({
      startsAt: '2026-01-06T01:00:00.000Z',
      minutes: 30,
      languages: ['wuu', 'cmn'],
    });

    // Computed at read time: once someone else books the first, it is no longer suggested.
    const colleague = await t.createAgent({ teamId });
    await book(t, colleague, wuu.counselorId, offer.suggestedSlots[0].startsAt, 30).expect(201);
    const [again] = await offersOf();
    expect(again.id).toBe(offer.id);
    expect(again.suggestedSlots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(
      '2026-01-06T01:00:00.000Z',
    );
    expect(again.suggestedSlots[0].counselorId).toBe(wuu.counselorId);

    // A session the agent books answers the offer: it is no longer shown, and erasing the
    // counselling history (the booking with it) does not bring it back.
    t.clock.advanceSeconds(1);
    await book(t, agent, wuu.counselorId, again.suggestedSlots[0].startsAt, 30).expect(201);
    expect(await offersOf()).toEqual([]);
    await t.http().delete('/v1/counseling/me/history').set(bearer(agent.token)).expect(200);
    expect(await offersOf()).toEqual([]);

    // Nobody else sees the offer, the counsellors included.
    await t.http().get('/v1/wellbeing/offers').set(bearer(supervisor.token)).expect(403);
    await t.http().get('/v1/wellbeing/offers').set(bearer(other.token)).expect(403);
    await t
      .http()
      .get('/v1/wellbeing/offers')
      .set(await t.asAdmin())
      .expect(403);
  });

  it('the agent declines an offer: not shown again; nobody else can decline it or learn it exists', async () => {
    await createCounselor(t, { languages: ['cmn'] });
    const { teamId, agent, supervisor } = await agentOfferedCounsellingAfterOneHostileCall(t);
    const colleague = await t.createAgent({ teamId });
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    const offersOf = async () =>
      (await t.http().get('/v1/wellbeing/offers').set(bearer(agent.token)).expect(200)).body.offers;
    const [offer] = await offersOf();
    const decline = (token: string, id = offer.id) =>
      t.http().post(`/v1/wellbeing/offers/${id}/decline`).set(bearer(token));

    // Another agent's attempt is the same 404 as an id that does not exist; others are refused.
    const unknown = await decline(colleague.token).expect(404);
    expect(unknown.body.error).toBe('NOT_FOUND');
    expect(
      (await decline(colleague.token, '00000000-0000-4000-8000-000000000000').expect(404)).body,
    ).toEqual(unknown.body);
    await decline(supervisor.token).expect(403);
    await decline(agent.token, 'not-a-uuid').expect(404);
    expect(await offersOf()).toHaveLength(1);

    await decline(agent.token).expect(204);
    expect(await offersOf()).toEqual([]);
    await decline(agent.token).expect(204);
  });
});
