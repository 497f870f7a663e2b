import { book, createCounselor } from '../support/counseling';
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

    // Computed at read time: once the agent books the first, it is no longer suggested.
    await book(t, agent, wuu.counselorId, offer.suggestedSlots[0].startsAt, 30).expect(201);
    const [again] = await offersOf();
    expect(again.id).toBe(offer.id);
    expect(again.suggestedSlots.map((s: { startsAt: string }) => s.startsAt)).not.toContain(
      '2026-01-06T01:00:00.000Z',
    );
    expect(again.suggestedSlots[0].counselorId).toBe(wuu.counselorId);

    // Nobody else sees the offer, the counsellors included.
    await t.http().get('/v1/wellbeing/offers').set(bearer(supervisor.token)).expect(403);
    await t.http().get('/v1/wellbeing/offers').set(bearer(other.token)).expect(403);
    await t
      .http()
      .get('/v1/wellbeing/offers')
      .set(await t.asAdmin())
      .expect(403);
  });
});
