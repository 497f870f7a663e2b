/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { openApp, signIn, useWebApp } from '../support/browser';
import { setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';

describe('web app: notifications from the event stream', () => {
  const suite = useWebApp();
  let t: TestApp;
  let browser: Browser;
  beforeAll(() => ({ t, browser } = suite));

  it("a scheduler decides time off and publishes a schedule: the agent's open page shows both without a reload", async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const scheduler = await t.createUser(['scheduler'], teamId);
    const request = await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agent.token))
      .send({
        agentId: agent.agentId,
        kind: 'time_off',
        startsAt: '2026-01-20T00:00:00.000Z',
        endsAt: '2026-01-21T00:00:00.000Z',
      })
      .expect(201);
    const [schedule] = await t.dataSource.query(
      `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, created_at)
       VALUES ($1, 'draft', '2026-01-12', 7, 30, $2) RETURNING id`,
      [teamId, t.clock.now()],
    );
    await t.dataSource.query(
      `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`,
      [schedule.id, agent.agentId, '2026-01-12T01:00:00.000Z', '2026-01-12T09:00:00.000Z'],
    );

    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByTestId('display-name').waitFor();
    // Mark the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.waitForTimeout(500); // the stream connects

    await t
      .http()
      .post(`/v1/time-off/${request.body.id}/approve`)
      .set(bearer(scheduler.token))
      .expect(200);
    await page.getByText('Your time-off request has an answer').first().waitFor({ timeout: 5000 });
    await page
      .getByText(/^Approved: /)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Notifications: 1 new' }).waitFor();

    await t
      .http()
      .post(`/v1/schedules/${schedule.id}/publish`)
      .set(bearer(scheduler.token))
      .expect(200);
    await page.getByText('Your new schedule is out').first().waitFor({ timeout: 5000 });
    await page.getByRole('link', { name: 'Notifications: 2 new' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    // The list: newest first, each leading to its page; opening it reads them.
    await page.getByRole('link', { name: 'Notifications: 2 new' }).click();
    const items = page.getByTestId('notification');
    await items.nth(1).waitFor();
    expect(await items.count()).toBe(2);
    await expect(items.nth(0).textContent()).resolves.toContain('Your new schedule is out');
    await expect(items.nth(1).textContent()).resolves.toContain('Approved:');
    await page.getByRole('link', { name: 'Notifications: 0 new' }).waitFor();
    await items.nth(0).getByRole('link', { name: 'Open' }).click();
    await page.waitForURL('**/agent/schedule');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await context.close();
  });

  it("an admin who is also an agent is told of their own offer only, never of another agent's", async () => {
    const key = await t.createRouterKey();
    const teamId = await t.createTeam();
    const other = await t.createAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 5 }] });
    const me = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    // An admin's stream carries every agent's offers.
    await t.dataSource.query(`UPDATE users SET roles = '{agent,admin}' WHERE email = $1`, [
      me.email,
    ]);
    for (const a of [other, me]) await setPresence(t, a, 'available');
    const { page, context } = await openApp(browser, t);
    await signIn(page, me.email, me.password);
    await page.getByTestId('display-name').waitFor();
    await page.waitForTimeout(500); // the stream connects

    // Calls handed to the service's queue, offered at once (the offers the desk is told of).
    const enqueue = (callId: string, dialect: string) =>
      t.http().post('/v1/routing/calls').set(routerKey(key)).send({ callId, dialect }).expect(201);
    expect((await enqueue(`other-${Date.now()}`, 'yue')).body.reservation.agentId).toBe(
      other.agentId,
    );
    expect((await enqueue(`mine-${Date.now()}`, 'nan')).body.reservation.agentId).toBe(me.agentId);
    // The stream is in order: once my offer is shown, the other agent's came before it. It was
    // shown as "A call is coming to you" too, and counted.
    await page.getByText('A call is coming to you').first().waitFor({ timeout: 5000 });
    await page.getByRole('link', { name: 'Notifications: 1 new' }).waitFor();
    expect(await page.getByText('A call is coming to you').count()).toBe(1);
    await context.close();
  });

  it('speaks Chinese to a Chinese browser', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const scheduler = await t.createUser(['scheduler'], teamId);
    const request = await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agent.token))
      .send({
        agentId: agent.agentId,
        kind: 'time_off',
        startsAt: '2026-01-22T00:00:00.000Z',
        endsAt: '2026-01-23T00:00:00.000Z',
      })
      .expect(201);
    const { page, context } = await openApp(browser, t, { locale: 'zh-CN' });
    await signIn(page, agent.email, agent.password, true);
    await page.getByTestId('display-name').waitFor();
    await page.waitForTimeout(500); // the stream connects
    await t
      .http()
      .post(`/v1/time-off/${request.body.id}/deny`)
      .set(bearer(scheduler.token))
      .expect(200);
    await page.getByText('你的请假申请有结果了').first().waitFor({ timeout: 5000 });
    await page
      .getByText(/^这次没批下来：/)
      .first()
      .waitFor();
    await context.close();
  });
});
