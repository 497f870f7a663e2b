/// <reference lib="dom" />
import { openApp, signIn, useWebApp } from '../support/browser';
import { bearer, TestApp } from '../support/test-app';
import { insertShift } from '../wellbeing/helpers';

jest.setTimeout(180_000);

/** A published four-hour shift with the two rest breaks the default labour rules want. */
async function fourHourShift(t: TestApp, teamId: string, agentId: string, startsAt: string) {
  const start = Date.parse(startsAt);
  const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  const id = await insertShift(t, teamId, agentId, at(0), at(240));
  await t.dataSource.query(`UPDATE shifts SET breaks = $2 WHERE id = $1`, [
    id,
    JSON.stringify([
      { startsAt: at(60), endsAt: at(75), kind: 'rest' },
      { startsAt: at(165), endsAt: at(180), kind: 'rest' },
    ]),
  ]);
  return id;
}

/**
 * What an agent arranges about their own schedule in the browser: giving a shift away, taking a
 * colleague's (refused in words when a labour rule would break), and asking for time off, whose
 * decision arrives live. The test clock is Monday 2026-01-05 16:00 in Shanghai.
 */
describe('web app: shift trades and time off on the agent desktop', () => {
  const suite = useWebApp();

  it('gives a shift away, a colleague takes it; a clash is refused in words; leave is asked and decided live', async () => {
    const { t, browser } = suite;
    const teamId = await t.createTeam();
    const [giver, taker, other] = [
      await t.createAgent({ teamId }),
      await t.createAgent({ teamId }),
      await t.createAgent({ teamId }),
    ];
    // Wednesday 09:00-13:00 Shanghai for the giver; an overlapping 11:00-15:00 for a third colleague.
    const shiftId = await fourHourShift(t, teamId, giver.agentId, '2026-01-07T01:00:00Z');
    const clashId = await fourHourShift(t, teamId, other.agentId, '2026-01-07T03:00:00Z');

    const mine = await openApp(browser, t);
    await signIn(mine.page, giver.email, giver.password);
    await mine.page.getByRole('tab', { name: 'My schedule' }).click();
    const myShift = mine.page.getByTestId('my-shift').filter({ hasText: '09:00–13:00' });
    await myShift.getByRole('button', { name: 'Offer to colleagues' }).click();
    await mine.page.getByText("Offered. You'll be told when a colleague takes it.").waitFor();
    await myShift.getByText('Offered: waiting for a colleague').waitFor();
    await mine.context.close();

    await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(other.token))
      .send({ shiftId: clashId })
      .expect(201);

    const { page, context } = await openApp(browser, t);
    await signIn(page, taker.email, taker.password);
    await page.getByRole('tab', { name: 'My schedule' }).click();
    const offers = page.getByTestId('pickup');
    await offers.nth(1).waitFor();
    expect(await offers.allInnerTexts()).toEqual([
      expect.stringMatching(/Wed, Jan 7, 09:00–13:00\s+A colleague's shift/),
      expect.stringMatching(/Wed, Jan 7, 11:00–15:00\s+A colleague's shift/),
    ]);
    await offers.first().getByRole('button', { name: 'Take it' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take this shift?' });
    await dialog.getByText('Wed, Jan 7, 09:00–13:00. It goes on your schedule').waitFor();
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await page.getByText("It's yours: the shift is on your schedule.").waitFor();
    // The shift changed hands, and shows among mine.
    const shifts = await t
      .http()
      .get(`/v1/agents/${taker.agentId}/shifts?from=2026-01-06T00:00:00Z&to=2026-01-08T00:00:00Z`)
      .set(bearer(taker.token))
      .expect(200);
    expect(shifts.body.items.map((s: { id: string }) => s.id)).toEqual([shiftId]);
    await page.getByTestId('my-shift').filter({ hasText: '09:00–13:00' }).waitFor();

    // The colleague's overlapping shift would give me two at once: refused, and said why.
    await offers
      .filter({ hasText: '11:00–15:00' })
      .getByRole('button', { name: 'Take it' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await page
      .getByTestId('pickups-message')
      .getByText('Not possible: It overlaps a shift you already have.')
      .waitFor();

    // Two whole days of leave: 00:00 to 24:00 in the site's zone.
    await page.getByLabel('First day').fill('2026-01-12');
    await page.getByLabel('Last day').fill('2026-01-13');
    await page.getByLabel('Reason (optional; the scheduler sees it)').fill('Family visit');
    await page.getByRole('button', { name: 'Request time off' }).click();
    await page.getByText("Sent. You'll be told when a scheduler decides.").waitFor();
    const requests = page.getByTestId('time-off-requests');
    await requests.getByText('Mon, Jan 12 – Tue, Jan 13').waitFor();
    await requests.getByText('Waiting').waitFor();
    const asked = await t
      .http()
      .get(`/v1/time-off?agentId=${taker.agentId}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(asked.body.items).toEqual([
      expect.objectContaining({
        kind: 'time_off',
        status: 'pending',
        startsAt: '2026-01-11T16:00:00.000Z',
        endsAt: '2026-01-13T16:00:00.000Z',
        reason: 'Family visit',
      }),
    ]);
    // A scheduler's denial reaches the open page without a reload, with its reason.
    await t
      .http()
      .post(`/v1/time-off/${asked.body.items[0].id}/deny`)
      .set(await t.asAdmin())
      .send({ reason: 'Two colleagues are already off' })
      .expect(200);
    await requests.getByText('Not approved').waitFor({ timeout: 20_000 });
    await requests.getByText('Reason: Two colleagues are already off').waitFor();
    // A change of plan: a half day asked, then withdrawn before anyone decides.
    await page.getByLabel('First day').fill('2026-01-20');
    await page.getByLabel('From', { exact: true }).fill('13:00');
    await page.getByLabel('Until', { exact: true }).fill('18:00');
    await page.getByRole('button', { name: 'Request time off' }).click();
    const halfDay = requests.getByRole('row').filter({ hasText: 'Tue, Jan 20, 13:00–18:00' });
    await halfDay.getByText('Waiting').waitFor();
    await halfDay.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByText('Withdrawn: it no longer waits for a scheduler.').waitFor();
    await halfDay.getByText('Withdrawn').waitFor();
    expect(await halfDay.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await context.close();
  });

  it("trades a shift for a colleague's give-away: asked in one browser, agreed in another, approved by a scheduler", async () => {
    const { t, browser } = suite;
    const teamId = await t.createTeam();
    const [asker, giver] = [await t.createAgent({ teamId }), await t.createAgent({ teamId })];
    // The giver offers Thursday 09:00; the asker has Friday 09:00 to give in return.
    const theirs = await fourHourShift(t, teamId, giver.agentId, '2026-01-08T01:00:00Z');
    const mine = await fourHourShift(t, teamId, asker.agentId, '2026-01-09T01:00:00Z');
    await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(giver.token))
      .send({ shiftId: theirs })
      .expect(201);

    const a = await openApp(browser, t);
    await signIn(a.page, asker.email, asker.password);
    await a.page.getByRole('tab', { name: 'My schedule' }).click();
    await a.page.getByTestId('pickup').getByRole('button', { name: 'Trade one of mine' }).click();
    const dialog = a.page.getByRole('dialog', {
      name: 'Which of your shifts do you offer in return?',
    });
    await dialog
      .getByText("Your colleague's shift on Thu, Jan 8, 09:00–13:00 becomes yours")
      .waitFor();
    await dialog.getByRole('radio', { name: 'Fri, Jan 9, 09:00–13:00' }).check();
    await dialog.getByRole('button', { name: 'Ask my colleague' }).click();
    await a.page.getByText('Your trade request went to your colleague.').waitFor();
    await a.page
      .getByTestId('my-shift')
      .filter({ hasText: 'Fri, Jan 9' })
      .getByText('Trade proposed to a colleague')
      .waitFor();
    await a.context.close();

    const g = await openApp(browser, t);
    await signIn(g.page, giver.email, giver.password);
    await g.page.getByRole('tab', { name: 'My schedule' }).click();
    const ask = g.page.getByTestId('pickup').filter({ hasText: 'A colleague asks to trade' });
    await ask.getByText('Fri, Jan 9, 09:00–13:00').waitFor();
    await ask.getByText('for your shift on Thu, Jan 8, 09:00–13:00').waitFor();
    await ask.getByRole('button', { name: 'Agree' }).click();
    await g.page.getByRole('dialog').getByRole('button', { name: 'Yes' }).click();
    await g.page.getByText('You agreed. It takes effect once a scheduler approves.').waitFor();
    await g.context.close();

    const [trade] = (
      await t
        .http()
        .get('/v1/shift-swaps?status=accepted')
        .set(await t.asAdmin())
        .expect(200)
    ).body.items.filter((w: { shiftId: string }) => w.shiftId === mine);
    expect(trade).toMatchObject({ counterShiftId: theirs, counterAgentId: giver.agentId });
    await t
      .http()
      .post(`/v1/shift-swaps/${trade.id}/approve`)
      .set(await t.asAdmin())
      .expect(200);
    const owner = async (id: string) =>
      (await t.dataSource.query(`SELECT agent_id FROM shifts WHERE id = $1`, [id]))[0].agent_id;
    expect([await owner(theirs), await owner(mine)]).toEqual([asker.agentId, giver.agentId]);
    // The giver's give-away of that shift is void now that it is the asker's.
    const giveAways = await t.dataSource.query(
      `SELECT status FROM shift_swaps WHERE shift_id = $1 AND counter_shift_id IS NULL`,
      [theirs],
    );
    expect(giveAways).toEqual([{ status: 'cancelled' }]);
  });

  it("asks a colleague for a shift never given away, found on the team's roster (in Chinese)", async () => {
    const { t, browser } = suite;
    const teamId = await t.createTeam();
    const [asker, colleague] = [await t.createAgent({ teamId }), await t.createAgent({ teamId })];
    await t
      .http()
      .patch(`/v1/agents/${colleague.agentId}`)
      .set(await t.asAdmin())
      .send({ displayName: '周杰' })
      .expect(200);
    // The colleague works Wednesday 09:00-13:00 Shanghai and offers nothing; the asker has Friday.
    const theirs = await fourHourShift(t, teamId, colleague.agentId, '2026-01-07T01:00:00Z');
    const mine = await fourHourShift(t, teamId, asker.agentId, '2026-01-09T01:00:00Z');

    const { page, context } = await openApp(browser, t, { locale: 'zh-CN' });
    await signIn(page, asker.email, asker.password, true);
    await page.getByRole('tab', { name: '我的排班' }).click();
    await page.getByRole('heading', { name: '同组同事的班' }).waitFor();
    const row = page.getByTestId('team-shift').filter({ hasText: '周杰' });
    await row.getByText('09:00–13:00').waitFor();
    // Only the colleague's shift: mine is not on the list.
    expect(await page.getByTestId('team-shift').count()).toBe(1);
    await row.getByRole('button', { name: /^跟周杰换 .*09:00/ }).click();
    const dialog = page.getByRole('dialog', { name: '拿你的哪个班来换？' });
    await dialog.getByRole('radio').check();
    await dialog.getByRole('button', { name: '发给同事' }).click();
    await page
      .getByTestId('team-shifts-message')
      .getByText('换班请求发给同事了，等同事回复。')
      .waitFor();
    await row.getByText('已经提了换班').waitFor();
    const swaps = await t.dataSource.query(
      `SELECT shift_id, counter_shift_id, status FROM shift_swaps WHERE offered_by = $1`,
      [asker.agentId],
    );
    expect(swaps).toEqual([{ shift_id: mine, counter_shift_id: theirs, status: 'proposed' }]);
    await context.close();
  });
});
