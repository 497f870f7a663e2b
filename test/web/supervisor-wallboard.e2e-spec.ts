/// <reference lib="dom" />
import type { Browser, Response } from 'playwright-core';
import { PresenceService } from '../../src/routing/presence/presence.service';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { book, createCounselor } from '../support/counseling';
import { setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { runCall } from '../wellbeing/helpers';

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
    t.clock.advanceSeconds(WRAP);
    await wangRow.getByTestId('agent-state').getByText('Recovery').waitFor();
    await wangRow.getByText(/left$/).waitFor();
    expect(await wangRow.locator('td').nth(4).innerText()).toBe('1');

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
    await page.getByRole('button', { name: 'Acknowledge alert for Wang Fang' }).click();
    await page.getByText('Alert acknowledged.').waitFor();
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
});
