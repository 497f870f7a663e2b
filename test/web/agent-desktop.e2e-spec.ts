/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { agentOfferedCounsellingAfterOneHostileCall, createCounselor } from '../support/counseling';
import { setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { insertShift, runCall, stateOf } from '../wellbeing/helpers';

/** The agent's day in real Chromium against the real service and PostgreSQL. */
jest.setTimeout(180_000);

/** HH:MM in the test sites' zone, as the page writes times. */
const shanghaiClock = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

describe('web app: the agent desktop in Chromium', () => {
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

  it('signs in in English, shows the display name, and changes state with the allowed buttons', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const { page, context } = await openApp(browser, t, { locale: 'en-US' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn(page, agent.email, agent.password);
    await page.getByTestId('display-name').getByText('Test Agent').waitFor();
    await page.getByTestId('agent-state').getByText('Signed off').waitFor();
    await page.getByRole('button', { name: 'Take calls' }).click();
    await page.getByTestId('agent-state').getByText('Available').waitFor();
    expect(
      (await t.http().get(`/v1/agents/${agent.agentId}/presence`).set(bearer(agent.token))).body
        .state,
    ).toBe('available');
    // Only what the rules allow from here: no "Take calls" while available.
    expect(await page.getByRole('button', { name: 'Take calls' }).count()).toBe(0);
    // The session survives a reload (cookies), and signing out ends it.
    await page.reload();
    await page.getByTestId('display-name').getByText('Test Agent').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('signs in in Chinese', async () => {
    const agent = await t.createAgent();
    const { page, context } = await openApp(browser, t, { locale: 'zh-CN' });
    await signIn(page, agent.email, agent.password, true);
    await page.getByRole('tab', { name: '今天' }).waitFor();
    await page.getByRole('button', { name: '开始接听' }).waitFor();
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    await context.close();
  });

  it('shows an enforced recovery as a countdown with no way to end it, and reports a hostile call', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    await setPresence(t, agent, 'available');
    const plain = await runCall(t, key, agent.agentId, 3);
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    // Report the plain call from "My recent calls": the service records it and enforces recovery.
    await page
      .getByRole('button', { name: /Report the call at/ })
      .first()
      .click();
    await page.getByRole('radio', { name: 'Abusive' }).check({ force: true });
    await page.getByLabel('Note (optional)').fill('shouted and swore');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('The report has been recorded').waitFor();
    const [call] = await t.dataSource.query(
      `SELECT hostile_severity FROM calls WHERE call_id = $1`,
      [plain.callId],
    );
    expect(call.hostile_severity).toBe(2);

    // A hostile call puts the agent in recovery: a countdown, no button to end it.
    const state = async () =>
      (await t.http().get(`/v1/agents/${agent.agentId}/presence`).set(bearer(agent.token))).body
        .state;
    // Recovery starts once the wrap-up after the call is over (the report came after it ended).
    t.clock.advanceSeconds(120);
    if ((await state()) !== 'recovery') {
      await runCall(t, key, agent.agentId, 2, { severity: 3 });
      t.clock.advanceSeconds(120);
    }
    expect(await state()).toBe('recovery');
    await page.clock.setSystemTime(t.clock.now());
    await page.reload();
    await page.getByTestId('agent-state').getByText('Recovery time').waitFor();
    await page.getByText(/left$/).waitFor();
    await page.getByText("can't be cut short").waitFor();
    expect(await page.getByRole('button', { name: 'Take calls' }).count()).toBe(0);
    // Nor can the API be talked into it from this session.
    const refused = await page.evaluate(async (agentId) => {
      const csrf = document.cookie
        .split('; ')
        .find((c: string) => c.startsWith('sw_csrf='))!
        .slice(8);
      const r = await fetch(`/v1/agents/${agentId}/presence`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) },
        body: JSON.stringify({ state: 'available' }),
      });
      return { status: r.status, body: await r.json() };
    }, agent.agentId);
    expect(refused).toMatchObject({ status: 409, body: { error: 'BREAK_ENFORCED' } });
    await context.close();
  });

  it("lets the agent add minutes to a recovery, up to the policy's maximum, and never end it", async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    await setPresence(t, agent, 'available');
    // Severity 2: ten minutes of recovery once the 30 s wrap-up is over (the policy's maximum is 30).
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    t.clock.advanceSeconds(60);
    const before = await stateOf(t, agent);
    expect(before.state).toBe('recovery');
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    const extend = page.getByTestId('recovery-extend');
    await extend.getByText('Not ready yet? You can add a few minutes yourself.').waitFor();
    const plusTen = extend.getByRole('button', { name: '10 more minutes' });
    await plusTen.click();
    const once = new Date(Date.parse(before.until) + 10 * 60_000);
    await extend.getByText(`Done: until ${shanghaiClock(once)}.`).waitFor();
    expect((await stateOf(t, agent)).until).toBe(once.toISOString());
    await plusTen.click();
    await extend
      .getByText(`Done: until ${shanghaiClock(new Date(once.getTime() + 600_000))}.`)
      .waitFor();
    // Thirty minutes in all: five more would pass the maximum, and the agent is told what helps.
    await extend.getByRole('button', { name: '5 more minutes' }).click();
    await extend.getByText(/at most 30 minutes, and this one has reached it/).waitFor();
    const after = await stateOf(t, agent);
    expect(after).toMatchObject({
      state: 'recovery',
      until: new Date(once.getTime() + 600_000).toISOString(),
    });
    expect(await page.getByRole('button', { name: 'Take calls' }).count()).toBe(0);
    await context.close();
  });

  it('says during the wrap-up of a hostile call that recovery follows, and offers no "take calls"', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    await setPresence(t, agent, 'available');
    const { page, context } = await openApp(browser, t, { locale: 'en-US' });
    await page.clock.setSystemTime(t.clock.now());
    await signIn(page, agent.email, agent.password);
    await page.getByRole('button', { name: 'Pause calls' }).waitFor();
    // The router flags the call as abusive (severity 2: 10 minutes) and it ends: wrap-up, then recovery.
    const { endedAt } = await runCall(t, key, agent.agentId, 3, { severity: 2 });
    await page.clock.setSystemTime(t.clock.now());
    await page.getByTestId('agent-state').getByText('Wrap-up').waitFor();
    const next = page.getByTestId('state-next');
    await next.getByText('Recovery time after this wrap-up').waitFor();
    const recoveryEnds = new Date(endedAt.getTime() + (30 + 600) * 1000);
    expect(await next.textContent()).toContain(shanghaiClock(recoveryEnds));
    expect(await page.getByRole('button', { name: 'Take calls' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Pause calls' }).count()).toBe(1);
    // My day so far counts the call as it ends, as the recent calls list does (no minute's lag).
    await page.getByTestId('load-calls').getByText('1', { exact: true }).waitFor({ timeout: 5000 });
    await page.getByTestId('load-hostile').getByText('1', { exact: true }).waitFor();
    await context.close();
  });

  it('shows the team is full before booking a break, and the booking is refused', async () => {
    const teamId = await t.createTeam();
    const [me, other] = [await t.createAgent({ teamId }), await t.createAgent({ teamId })];
    await setPresence(t, me, 'available');
    await setPresence(t, other, 'available');
    const supervisor = await t.createUser(['supervisor'], teamId);
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(bearer(supervisor.token))
      .send({ teamBreakCapPercent: 50 })
      .expect(200);
    // Half of two may be on a break at once: the other takes that slot first.
    const at = new Date(t.clock.now().getTime() + 60 * 60_000);
    at.setUTCMinutes(0, 0, 0);
    await t
      .http()
      .post('/v1/breaks')
      .set(bearer(other.token))
      .send({ startsAt: at.toISOString(), minutes: 15, kind: 'rest' })
      .expect(201);
    const { page, context } = await openApp(browser, t);
    await signIn(page, me.email, me.password);
    await page.getByLabel('Start').selectOption(shanghaiClock(at));
    await page.getByTestId('break-capacity').getByText('That time is full').waitFor();
    await page.getByRole('button', { name: 'Book break' }).click();
    await page.getByRole('alert').getByText('Too many of your team are on a break then').waitFor();
    const mine = await t.http().get('/v1/breaks').set(bearer(me.token)).expect(200);
    expect(mine.body.breaks).toEqual([]);
    await context.close();
  });

  it('offers break times inside my shift only, as the service takes them, and says when none is left', async () => {
    const teamId = await t.createTeam();
    const me = await t.createAgent({ teamId });
    const minute = 60_000;
    const now = t.clock.now().getTime();
    const quarter = Math.floor(now / (15 * minute)) * 15 * minute;
    // On shift since an hour ago, until an hour after the last quarter hour; nothing tomorrow yet.
    const ends = new Date(quarter + 60 * minute);
    await insertShift(
      t,
      teamId,
      me.agentId,
      new Date(now - 60 * minute).toISOString(),
      ends.toISOString(),
    );
    const { page, context } = await openApp(browser, t);
    await signIn(page, me.email, me.password);
    const start = page.getByLabel('Start');
    const offered = () =>
      start.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const at = (ms: number) => shanghaiClock(new Date(ms));
    await start.locator('option').first().waitFor({ state: 'attached' });
    const first = Math.ceil((now + 20 * minute) / (15 * minute)) * 15 * minute;
    expect((await offered())[0]).toBe(at(first));
    expect(await offered()).toContain(at(quarter + 45 * minute));
    expect(await offered()).not.toContain(at(quarter + 60 * minute));
    // A longer break must start earlier to end in time.
    await page.getByLabel('Length').selectOption('30');
    await start
      .locator(`option[value="${at(quarter + 45 * minute)}"]`)
      .waitFor({ state: 'detached' });
    expect(await offered()).toContain(at(quarter + 30 * minute));
    // What the page leaves out the service refuses.
    await t
      .http()
      .post('/v1/breaks')
      .set(bearer(me.token))
      .send({ startsAt: new Date(quarter + 45 * minute).toISOString(), minutes: 30, kind: 'rest' })
      .expect(409)
      .expect((res) => expect(res.body.error).toBe('OUTSIDE_SHIFT'));
    await context.close();

    // A colleague whose shift ends within the quarter hour and whose next is beyond a day.
    const late = await t.createAgent({ teamId });
    await insertShift(
      t,
      teamId,
      late.agentId,
      new Date(now - 120 * minute).toISOString(),
      new Date(quarter + 15 * minute).toISOString(),
    );
    await insertShift(
      t,
      teamId,
      late.agentId,
      new Date(now + 25 * 60 * minute).toISOString(),
      new Date(now + 30 * 60 * minute).toISOString(),
    );
    const second = await openApp(browser, t);
    await signIn(second.page, late.email, late.password);
    await second.page
      .getByTestId('break-no-time')
      .getByText('No time in the next 24 hours fits a break this long inside your shifts.')
      .waitFor();
    expect(await second.page.getByLabel('Start').isDisabled()).toBe(true);
    expect(await second.page.getByRole('button', { name: 'Book break' }).isDisabled()).toBe(true);
    await second.context.close();
  });

  it('counts me among the signed-in for the break cap as soon as I take calls, without a reload', async () => {
    const teamId = await t.createTeam();
    const me = await t.createAgent({ teamId });
    const { page, context } = await openApp(browser, t, { locale: 'en-US' });
    await signIn(page, me.email, me.password);
    const capacity = page.getByTestId('break-capacity');
    await capacity.getByText('of the 0 signed in').waitFor();
    await page.getByRole('button', { name: 'Take calls' }).click();
    await page.getByTestId('agent-state').getByText('Available').waitFor();
    await capacity.getByText('of the 1 signed in').waitFor({ timeout: 10_000 });
    await context.close();
  });

  it("draws my week in the site's time zone (Asia/Shanghai), whatever the browser's zone", async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    // 2026-01-05 09:00-17:00 in Shanghai (01:00-09:00 UTC); the browser is in Berlin.
    const shiftId = await insertShift(
      t,
      teamId,
      agent.agentId,
      '2026-01-05T01:00:00Z',
      '2026-01-05T09:00:00Z',
    );
    // Its quarter-hour break at 10:30 Shanghai.
    await t.dataSource.query(`UPDATE shifts SET breaks = $2 WHERE id = $1`, [
      shiftId,
      JSON.stringify([
        { startsAt: '2026-01-05T02:30:00Z', endsAt: '2026-01-05T02:45:00Z', kind: 'rest' },
      ]),
    ]);
    const { page, context } = await openApp(browser, t, { timezoneId: 'Europe/Berlin' });
    await signIn(page, agent.email, agent.password);
    await page.getByRole('tab', { name: 'My schedule' }).click();
    await page.getByTestId('schedule-zone').getByText('Asia/Shanghai').waitFor();
    const events = page.locator('.fc-timegrid-event');
    await events.nth(1).waitFor();
    const texts = await events.allInnerTexts();
    expect(texts.find((text) => text.includes('09:00 - 17:00'))).toBeDefined();
    // Too short for "10:30 - 10:45 Rest" to fit: its start and kind, the span in its tooltip.
    const rest = page.getByTitle('Rest 10:30 - 10:45');
    expect((await rest.innerText()).trim()).toBe('10:30 Rest');
    expect(await page.getByTestId('schedule-next-week').count()).toBe(0);
    await context.close();
  });

  it('opens my schedule on the week of my next shift when none is left this week, and says so', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    // One four-hour shift a week from now: always in the next (Monday-first) week.
    const starts = new Date(t.clock.now().getTime() + 7 * 86_400_000);
    await insertShift(
      t,
      teamId,
      agent.agentId,
      starts.toISOString(),
      new Date(starts.getTime() + 4 * 3_600_000).toISOString(),
    );
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByRole('tab', { name: 'My schedule' }).click();
    await page
      .getByTestId('schedule-next-week')
      .getByText('No more shifts this week: this is the week of your next one.')
      .waitFor();
    await page.locator('.fc-timegrid-event').first().waitFor();
    // "This week" goes back: no shift there, and the note goes with it.
    await page.getByRole('button', { name: 'This week' }).click();
    await page.getByTestId('schedule-next-week').waitFor({ state: 'detached' });
    expect(await page.locator('.fc-timegrid-event').count()).toBe(0);
    await context.close();
  });

  it('books a counsellor from a confidential offer, then erases the history after a warning', async () => {
    const counsellor = await createCounselor(t, { languages: ['cmn'] });
    const { agent } = await agentOfferedCounsellingAfterOneHostileCall(t);
    // Two hostile calls, two offers: one card, each suggested time once.
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    t.clock.advanceMinutes(10);
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByRole('tab', { name: 'Counselling' }).click();
    await page.getByText('Would you like to talk to someone?').waitFor();
    const offer = page.getByTestId('offer');
    expect(await offer.getByRole('button', { name: /with Dr Test/ }).count()).toBe(3);
    await offer
      .getByRole('button', { name: /with Dr Test/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Book this session?' }).waitFor();
    await page.getByRole('button', { name: 'Book it' }).click();
    await page.getByText(/See you then/).waitFor();
    // The session answers the offers: the card goes.
    await offer.waitFor({ state: 'detached' });
    const mine = await t.http().get('/v1/counseling/bookings').set(bearer(agent.token)).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0].counselorId).toBe(counsellor.counselorId);

    await page.getByRole('button', { name: 'Erase my history' }).click();
    await page.getByRole('alert').getByText('upcoming session will be cancelled too').waitFor();
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByText(/Erased 1 session/).waitFor();
    const after = await t
      .http()
      .get('/v1/counseling/bookings')
      .set(bearer(agent.token))
      .expect(200);
    expect(after.body.items.filter((b: { status: string }) => b.status === 'booked')).toEqual([]);
    await context.close();
  });

  it('declines a counselling offer: the card goes and the offer is not shown again', async () => {
    await createCounselor(t, { languages: ['cmn'] });
    const { agent } = await agentOfferedCounsellingAfterOneHostileCall(t);
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByRole('tab', { name: 'Counselling' }).click();
    await page.getByTestId('offer').getByRole('button', { name: 'No, thank you' }).click();
    await page.getByTestId('offer').waitFor({ state: 'detached' });
    const offers = await t.http().get('/v1/wellbeing/offers').set(bearer(agent.token)).expect(200);
    expect(offers.body.offers).toEqual([]);
    expect(
      (await t.http().get('/v1/counseling/bookings').set(bearer(agent.token)).expect(200)).body
        .items,
    ).toEqual([]);
    await context.close();
  });

  it("books a counsellor's free time: any hour of any day, the length chosen, only once confirmed", async () => {
    const counsellor = await createCounselor(t, { availability: { sessionMinutes: [30, 50] } });
    const agent = await t.createAgent({ teamId: await t.createTeam() });
    const mine = async () =>
      (await t.http().get('/v1/counseling/bookings').set(bearer(agent.token)).expect(200)).body
        .items as Array<{ startsAt: string; endsAt: string; counselorId: string }>;
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByRole('tab', { name: 'Counselling' }).click();
    await page.getByLabel('Counsellor', { exact: true }).selectOption(counsellor.counselorId);
    await page.getByText('50 minutes').click();
    // Tomorrow, a whole day: the last free time of the afternoon is there, not only the morning's.
    await page.getByRole('radiogroup', { name: 'Day' }).locator('label').nth(1).click();
    const lastTime = page.getByTestId('free-times').getByRole('button').last();
    expect(await lastTime.innerText()).toBe('16:00');
    expect(await page.getByTestId('free-times').getByRole('button').count()).toBe(29);

    // A click asks first; 'Not now' books nothing.
    await lastTime.click();
    const dialog = page.getByRole('dialog', { name: 'Book this session?' });
    expect(await dialog.getByTestId('booking-summary').innerText()).toMatch(
      /^With Dr Test, .*16:00 to 16:50 \(50 minutes\)\.$/,
    );
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await mine()).toEqual([]);

    await lastTime.click();
    await page.getByRole('button', { name: 'Book it' }).click();
    await page.getByText(/See you then/).waitFor();
    const [booking] = await mine();
    expect(booking.counselorId).toBe(counsellor.counselorId);
    expect(Date.parse(booking.endsAt) - Date.parse(booking.startsAt)).toBe(50 * 60_000);
    // 16:00 in Shanghai is 08:00 UTC.
    expect(booking.startsAt).toMatch(/T08:00:00(\.000)?Z$/);
    await context.close();
  });

  it('fits a phone screen', async () => {
    const agent = await t.createAgent();
    const { page, context } = await openApp(browser, t, { viewport: { width: 390, height: 844 } });
    await signIn(page, agent.email, agent.password);
    await page.getByRole('button', { name: 'Take calls' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
