/// <reference lib="dom" />
import type { Browser, Page, Response } from 'playwright-core';
import { PresenceService } from '../../src/routing/presence/presence.service';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { book, createCounselor } from '../support/counseling';
import { setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { insertShift, runCall } from '../wellbeing/helpers';
import { Router, tick } from '../routing/queue-support';
import { callId } from '../support/router';

const WRAP = 30;

/** The supervisor's wallboard in real Chromium against the real service and PostgreSQL. */
describe('web app: the supervisor wallboard in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let key: string;
  beforeAll(async () => {
    assertWebBuilt();
    t = await TestApp.create();
    key = await t.createRouterKey();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const rename = async (agentId: string, displayName: string) =>
    t
      .http()
      .patch(`/v1/agents/${agentId}`)
      .set(await t.asAdmin())
      .send({ displayName })
      .expect(200);

  it('shows state changes and a new alert without reload, shortens a recovery, never shows counselling', async () => {
    const teamId = await t.createTeam();
    const wang = await t.createAgent({ teamId });
    const li = await t.createAgent({ teamId });
    await rename(wang.agentId, 'Wang Fang');
    await rename(li.agentId, 'Li Na');
    const supervisor = await t.createUser(['supervisor'], teamId);
    const counsellor = await createCounselor(t);
    // Li books a session for tomorrow 10:00 Shanghai; the wallboard must never say so.
    const booking = await book(
      t,
      li,
      counsellor.counselorId,
      '2026-01-06T02:00:00.000Z',
      50,
    ).expect(201);
    await setPresence(t, wang, 'available');
    await setPresence(t, li, 'available');

    const { page, context } = await openApp(browser, t);
    const bodies: string[] = [];
    page.on('response', (r: Response) => {
      if (r.url().includes('/v1/'))
        void r.text().then(
          (b) => bodies.push(b),
          () => undefined,
        );
    });
    await signIn(page, supervisor.email, supervisor.password);
    await page.getByTestId('display-name').waitFor();
    await page.getByRole('link', { name: 'Wallboard' }).click();
    const wangRow = page.getByTestId(`agent-row-${wang.externalId}`);
    await wangRow.getByText('Wang Fang').waitFor();
    await wangRow.getByTestId('agent-state').getByText('Available').waitFor();

    // A hostile call: Wang is in recovery on the board, without a reload.
    await runCall(t, key, wang.agentId, 2, { severity: 1 });
    // First the call's wrap-up, counted apart from those on a call.
    await wangRow.getByTestId('agent-state').getByText('Wrap-up').waitFor();
    const tile = async (name: string) =>
      (await page.getByTestId(`summary-${name}`).innerText()).replace(/\s+/g, ' ');
    expect(await tile('wrapUp')).toBe('Wrapping up 1');
    expect(await tile('onCall')).toBe('On a call 0');
    t.clock.advanceSeconds(WRAP);
    await wangRow.getByTestId('agent-state').getByText('Recovery').waitFor();
    await wangRow.getByText(/left$/).waitFor();
    expect(await wangRow.locator('td').nth(4).innerText()).toBe('1');

    // The whole row, its action included, fits beside the side panels on a 1366-pixel screen: at
    // equal column widths the table scrolled sideways and the action was out of sight.
    const overflow = await page.getByTestId('wallboard-table').evaluate((table) => {
      const viewport = table.closest('.mantine-ScrollArea-viewport')!;
      return viewport.scrollWidth - viewport.clientWidth;
    });
    expect(overflow).toBe(0);

    // Shorten it with a reason, through the dialog.
    await page.getByRole('button', { name: 'Shorten recovery for Wang Fang' }).click();
    await page.getByLabel('New total length (minutes)').fill('3');
    await page.getByLabel('Reason').fill('She asked to come back');
    await page.getByRole('button', { name: 'Shorten', exact: true }).click();
    await page.getByText('Recovery shortened.').waitFor();
    const presence = (
      await t
        .http()
        .get(`/v1/agents/${wang.agentId}/presence`)
        .set(bearer(supervisor.token))
        .expect(200)
    ).body;
    expect(presence.state).toBe('recovery');
    expect(Date.parse(presence.until) - Date.parse(presence.since)).toBe(3 * 60_000);
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'recovery.shortened' AND subject_id = $1`,
      [wang.agentId],
    );
    expect(JSON.stringify(audit.details)).toContain('She asked to come back');

    // A second hostile call within the hour: a new alert appears without reload; acknowledge it.
    t.clock.advanceMinutes(4);
    await runCall(t, key, wang.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    const alert = page
      .getByTestId('alerts')
      .getByText(/Wang Fang needs attention: 2 hostile calls/);
    await alert.waitFor({ timeout: 15_000 });
    // A third: one card for Wang, saying 3 (not a card for 2 and another for 3).
    t.clock.advanceMinutes(4);
    await runCall(t, key, wang.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    await page
      .getByTestId('alerts')
      .getByText(/Wang Fang needs attention: 3 hostile calls/)
      .waitFor({ timeout: 15_000 });
    expect(
      await page
        .getByTestId('alerts')
        .getByText(/^Wang Fang needs attention/)
        .count(),
    ).toBe(1);
    // Acknowledging each card (a shift's count may have its own) clears every alert behind it.
    const acks = page.getByRole('button', { name: 'Acknowledge alert for Wang Fang' });
    for (let cards = await acks.count(); cards > 0; cards--) {
      await acks.first().click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('[aria-label="Acknowledge alert for Wang Fang"]').length < n,
        cards,
      );
    }
    await page.getByText('Alert acknowledged.').first().waitFor();
    const open = (
      await t
        .http()
        .get(`/v1/wellbeing/alerts?teamId=${teamId}`)
        .set(bearer(supervisor.token))
        .expect(200)
    ).body.alerts;
    expect(open).toEqual([]);

    // Li's session starts: the board says "not ready (private)" and nothing more.
    t.clock.set('2026-01-06T02:05:00Z');
    await t.app.get(PresenceService).sweep(t.clock.now());
    const liRow = page.getByTestId(`agent-row-${li.externalId}`);
    await liRow
      .getByTestId('agent-state')
      .getByText('Not ready (private)')
      .waitFor({ timeout: 15_000 });
    expect(await liRow.getByTestId('recovery-left').innerText()).toBe('—');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/counsel/i);
    expect(text).not.toContain('Dr Test');
    const seen = bodies.join('\n');
    expect(seen).not.toContain(booking.body.id);
    expect(seen).not.toContain(counsellor.counselorId);
    expect(seen).not.toMatch(/counsel/i);

    // The report tab draws its charts; the Chinese page reads as Chinese.
    await page.getByRole('tab', { name: 'Wellbeing report' }).click();
    await page.getByRole('img', { name: 'Hostile calls today per agent' }).locator('svg').waitFor();
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('tab', { name: '身心状况报表' }).waitFor();
    if (process.env.SCREENSHOTS) {
      await page.screenshot({ path: 'docs/web-supervisor-report.zh.png', fullPage: true });
      await page.getByRole('tab', { name: '坐席' }).click();
      await page.getByTestId(`agent-row-${li.externalId}`).waitFor();
      await page.screenshot({ path: 'docs/web-supervisor-wallboard.zh.png', fullPage: true });
    }
    await context.close();
  });

  it("draws today's service level of the team's queued calls against the target", async () => {
    const teamId = await t.createTeam();
    const router = new Router(t, key);
    const skill = `sl-web-${process.pid}`;
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: skill, kind: 'skill', label: skill })
      .expect(201);
    const agents = [];
    for (let i = 0; i < 2; i++) {
      const agent = await t.createRoutableAgent({
        teamId,
        skills: [{ tag: skill, proficiency: 3 }],
      });
      await router.presence(agent.agentId, 'not_ready');
      agents.push(agent);
    }
    const calls = [callId(), callId()];
    for (const id of calls)
      await router.enqueue({ callId: id, dialect: 'cmn', skills: [skill] }, 202);
    await tick(t, 5); // answered after 5 s: in time
    await router.presence(agents[0].agentId, 'available');
    await router.accept((await router.until(calls[0], 'offered')).reservation.reservationId);
    await tick(t, 55); // answered after a minute: late
    await router.presence(agents[1].agentId, 'available');
    await router.accept((await router.until(calls[1], 'offered')).reservation.reservationId);

    const supervisor = await t.createUser(['supervisor'], teamId);
    const { page, context } = await openApp(browser, t);
    await signIn(page, supervisor.email, supervisor.password);
    const panel = page.getByRole('region', { name: 'Service level today' });
    expect(await panel.getByTestId('service-level-now').innerText()).toBe('50%');
    await panel.getByText('Target: 80% of calls answered within 20 s, per 15 minutes.').waitFor();
    const chart = panel.getByRole('img', {
      name: /Service level per 15 minutes today; 50% so far over 2 calls/,
    });
    await chart.waitFor();
    // ECharts drew its SVG: axes, the service-level line and the dashed target.
    expect(await chart.locator('path').count()).toBeGreaterThan(2);
    await context.close();
  });

  it('names what the waiting calls ask for, the dialect and skills by name, in English and Chinese', async () => {
    const teamId = await t.createTeam();
    const router = new Router(t, key);
    const agent = await t.createRoutableAgent({
      teamId,
      dialects: [{ tag: 'yue', proficiency: 4 }],
      skills: [{ tag: 'returns', proficiency: 3 }],
    });
    await router.presence(agent.agentId, 'not_ready'); // qualified but busy: the call waits
    const id = callId();
    await router.enqueue({ callId: id, dialect: 'yue', skills: ['returns'] }, 202);

    const supervisor = await t.createUser(['supervisor'], teamId);
    const { page, context } = await openApp(browser, t);
    await signIn(page, supervisor.email, supervisor.password);
    const queue = page.getByTestId('queue-table');
    // It showed the code (yue) and left the skills out.
    await queue.getByRole('row', { name: /^Cantonese · Returns\s+1\b/ }).waitFor();
    await page.getByText('中文', { exact: true }).click();
    await queue.getByRole('row', { name: /^粤语 · 退换货\s+1\b/ }).waitFor();
    await context.close();
    await t.http().post(`/v1/routing/calls/${id}/abandon`).set({ 'X-Api-Key': key }).expect(200);
  });

  it("shows today's adherence by name with the team total and who is out of it now; the planner shows the same", async () => {
    const teamId = await t.createTeam(); // Shanghai
    const wang = await t.createAgent({ teamId });
    const li = await t.createAgent({ teamId });
    await rename(wang.agentId, 'Wang Fang');
    await rename(li.agentId, 'Li Na');
    // Both work 08:00-12:00 Shanghai on Wednesday 7 Jan; Wang comes at 09:00, Li not at all.
    for (const a of [wang, li])
      await insertShift(t, teamId, a.agentId, '2026-01-07T00:00:00Z', '2026-01-07T04:00:00Z');
    t.clock.set('2026-01-07T01:00:00Z');
    await setPresence(t, wang, 'available');
    t.clock.set('2026-01-07T02:00:00Z'); // 10:00: two hours scheduled each so far

    const supervisor = await t.createUser(['supervisor'], teamId);
    const scheduler = await t.createUser(['scheduler'], teamId);
    const expectFigures = async (page: Page) => {
      const table = page.getByTestId('adherence-table');
      // Minutes scheduled so far, minutes in adherence, the share; by name, then the team.
      await table.getByRole('row', { name: /^Li Na\s+120\s+0\s+0%$/ }).waitFor();
      await table.getByRole('row', { name: /^Wang Fang\s+120\s+60\s+50%$/ }).waitFor();
      await table.getByRole('row', { name: /^Team total\s+240\s+60\s+25%$/ }).waitFor();
      expect(await table.locator('tbody tr td:first-child').allInnerTexts()).toEqual([
        'Li Na',
        'Wang Fang',
      ]);
      await page.getByText('Li Na: should be working', { exact: true }).waitFor();
      expect(await page.getByText(/^Wang Fang: /).count()).toBe(0);
    };

    const board = await openApp(browser, t);
    await signIn(board.page, supervisor.email, supervisor.password);
    await board.page.getByRole('tab', { name: 'Adherence' }).click();
    await expectFigures(board.page);
    await board.page.getByText('中文', { exact: true }).click();
    await board.page
      .getByTestId('adherence-table')
      .getByRole('row', { name: /^班组合计\s+240\s+60\s+25%$/ })
      .waitFor();
    await board.page.getByText('Li Na: 这会儿该在岗', { exact: true }).waitFor();
    await board.context.close();

    const planner = await openApp(browser, t);
    await signIn(planner.page, scheduler.email, scheduler.password);
    await planner.page.getByRole('tab', { name: 'Adherence' }).click();
    await planner.page.getByRole('heading', { name: 'Adherence today' }).waitFor();
    await expectFigures(planner.page);
    await planner.context.close();
  });
});
