/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { openApp, signIn, useWebApp } from '../support/browser';
import { bearer, TestApp } from '../support/test-app';
import { seedLargeSchedule } from '../support/planner';
import { insertShift } from '../wellbeing/helpers';

const ZONE = 'Asia/Shanghai';
const H = 3_600_000;
// Six-hour shifts exactly, with no break owed: the solver is quick and every move keeps the length.
const RULES = {
  minShiftMinutes: 360,
  maxShiftMinutes: 360,
  restBreakPerWorkedMinutes: 480,
  solverTimeLimitSeconds: 30,
};

/** A forecast for 6-7 Jan 2026, 08:00-20:00 Shanghai, all calls and Cantonese, with two bad lines. */
function forecastCsv(): string {
  const lines = ['start,dialect,calls,ahtSeconds'];
  for (const day of ['2026-01-06', '2026-01-07'])
    for (let k = 0; k < 24; k++) {
      const start = new Date(Date.parse(`${day}T00:00:00Z`) + k * 30 * 60_000).toISOString();
      lines.push(`${start},,${k >= 4 && k < 12 ? 9 : 5},180`, `${start},yue,2,200`);
    }
  lines.splice(5, 0, 'not-a-time,,3,180');
  lines.splice(9, 0, '2026-01-06T03:10:00Z,,3,180');
  return lines.join('\n');
}

/** Drops a file on an element the way a person's drag from the desktop does. */
async function dropFile(page: Page, testId: string, name: string, text: string) {
  const data = await page.evaluateHandle(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      return dt;
    },
    { name, text },
  );
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragover', { dataTransfer: data });
  await zone.dispatchEvent('drop', { dataTransfer: data });
}

/** Drags with the mouse from the middle of an element by (dx, dy), in steps as a hand does. */
async function drag(page: Page, selector: string, dx: number, dy: number) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = (await page.locator(selector).boundingBox())!;
  const x = box.x + Math.min(20, box.width / 2);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
  await page.mouse.up();
}

describe('web app: the scheduler planner in Chromium', () => {
  const suite = useWebApp();
  jest.setTimeout(120_000);

  async function team(t: TestApp) {
    const siteId = await t.createSite(undefined, ZONE);
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send(RULES)
      .expect(200);
    const teamId = await t.createTeam(siteId);
    const scheduler = await t.createUser(['scheduler'], teamId);
    return { siteId, teamId, scheduler };
  }

  it('uploads a forecast, generates with progress, edits by dragging (refused, then accepted), publishes; the agent sees the shift', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler } = await team(t);
    const names = ['An Qi', 'Bai Lu', 'Chen Jie', 'Du Fang', 'Fan Yu'];
    const agents = [];
    for (const [i, displayName] of names.entries()) {
      const a = await t.createAgent({
        teamId,
        dialects: [
          { tag: 'cmn', proficiency: 5 },
          ...(i < 2 ? [{ tag: 'yue', proficiency: 4 }] : []),
        ],
      });
      await t
        .http()
        .patch(`/v1/agents/${a.agentId}`)
        .set(await t.asAdmin())
        .send({ displayName })
        .expect(200);
      agents.push({ ...a, displayName });
    }
    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    // Schedulers land on their planner.
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/scheduler');
    await page.getByLabel('Days').selectOption('2');

    // 1. The forecast file, dropped on the page: checked here, two bad lines named, then stored.
    await dropFile(page, 'forecast-drop', 'forecast.csv', forecastCsv());
    await page.getByText('forecast.csv: 96 intervals ready, 2 lines with problems.').waitFor();
    const bad = page.getByTestId('forecast-errors').getByRole('row');
    expect(await bad.count()).toBe(3);
    expect(await bad.nth(1).innerText()).toMatch(/^6\s+start is not an ISO time/);
    expect(await bad.nth(2).innerText()).toMatch(/^10\s+start is not on the interval grid/);
    await page.getByRole('button', { name: 'Upload 96 intervals' }).click();
    await page.getByText('96 intervals stored.').waitFor();
    await page.getByRole('img', { name: 'Forecast calls per interval per dialect' }).waitFor();
    const [{ n: stored }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM team_forecasts WHERE team_id = $1`,
      [teamId],
    );
    expect(stored).toBe(96);

    // 2. Staffing in words, wellbeing shrinkage apart.
    const words = page.getByTestId('staffing-words');
    await words
      .getByText(/^All calls: the busiest interval .* needs \d+ agents; the team has 5/)
      .waitFor();
    await words.getByText(/^Cantonese: the busiest interval/).waitFor();
    await page
      .getByTestId('shrinkage-words')
      .getByText(/wellbeing/)
      .waitFor();

    // 3. Generate: a progress bar while the solver runs, then the grid, coverage and diagnostics.
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await page.getByRole('button', { name: 'Generate 2 days' }).click();
    await page.getByRole('progressbar', { name: 'Generating the schedule' }).waitFor();
    await page.getByTestId('schedule-status').getByText('Draft').waitFor({ timeout: 90_000 });
    await page
      .getByTestId('coverage-words')
      .getByText(/^All calls: /)
      .waitFor();
    await page
      .getByTestId('coverage-words')
      .getByText(/^Cantonese: /)
      .waitFor();
    await page.getByTestId('coverage-yue').waitFor();
    await page
      .getByTestId('diagnostics')
      .getByText(
        /^The requirements need [\d.,]+ agent-hours; while calls come in, the team can be on the phones at most/,
      )
      .waitFor();

    if (process.env.SCREENSHOTS) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('覆盖与需求对比').waitFor();
      await page.screenshot({ path: 'docs/web-scheduler-schedule.zh.png', fullPage: true });
      await page.getByRole('tab', { name: '话务预测与人手' }).click();
      await page.getByRole('img', { name: '按方言看每个时段的预测来电量' }).waitFor();
      await page.waitForTimeout(1000); // the charts' entry animation
      await page.screenshot({ path: 'docs/web-scheduler-forecast.zh.png', fullPage: true });
      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('tab', { name: 'Forecast and staffing' }).waitFor();
      await page.waitForTimeout(1000);
      await page.screenshot({ path: 'docs/web-scheduler-forecast.en.png', fullPage: true });
      await page.getByRole('tab', { name: 'Schedule' }).click();
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    const [{ id: scheduleId }] = await t.dataSource.query(
      `SELECT id FROM schedules WHERE team_id = $1`,
      [teamId],
    );
    const draft = (
      await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)).expect(200)
    ).body;
    expect(draft.status).toBe('draft');
    // The last day (7 Jan from 00:00 Shanghai): a shift there, and another agent working that day.
    const lastDay = Date.parse('2026-01-06T16:00:00Z');
    const onLastDay = draft.shifts.filter((s: any) => Date.parse(s.startsAt) >= lastDay);
    const moved = onLastDay[0];
    const other = onLastDay.find((s: any) => s.agentId !== moved.agentId);
    expect(other).toBeDefined();
    const grid = page.getByTestId('schedule-grid');
    const dayWidth = Number(await grid.getAttribute('data-day-width'));
    const span =
      Number(await grid.getAttribute('data-minutes-to')) -
      Number(await grid.getAttribute('data-minutes-from'));
    const halfHour = (dayWidth / span) * 30;

    // 4a. Onto a colleague who works that day: the rule check refuses it before anything is saved.
    const rowOf = async (agentId: string) =>
      (await page.getByTestId(`grid-row-${agentId}`).boundingBox())!.y;
    const dy = (await rowOf(other.agentId)) - (await rowOf(moved.agentId));
    await drag(page, `[data-testid="shift-${moved.id}"]`, 0, dy);
    const check = page.getByTestId('rule-check');
    await check.getByText(/^Refused: .+ \((OVERLAP|DAILY_HOURS|REST_BETWEEN_SHIFTS)\)$/).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    if (process.env.SCREENSHOTS) {
      await page.waitForTimeout(600); // the drawer's slide-in
      await page.screenshot({ path: 'docs/web-scheduler-refused.en.png' });
    }
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    // 4b. Half an hour later, same agent: the rules hold, and saving moves it.
    await drag(page, `[data-testid="shift-${moved.id}"]`, halfHour, 0);
    await check.getByText('The rules hold').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const newStart = new Date(Date.parse(moved.startsAt) + 30 * 60_000).toISOString();
    const after = (
      await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)).expect(200)
    ).body.shifts.find((s: any) => s.id === moved.id);
    expect(after).toMatchObject({ agentId: moved.agentId, startsAt: newStart });
    expect(Date.parse(after.endsAt) - Date.parse(after.startsAt)).toBe(6 * H);

    // 4c. Its editor shows the shift's own day and 24-hour times in Shanghai; a start typed
    // half an hour later carries the end with it (the draft moves); Cancel leaves it be.
    const shanghai = (ms: number) => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone: ZONE,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        })
          .formatToParts(new Date(ms))
          .map((x) => [x.type, x.value]),
      );
      return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`];
    };
    await page.locator(`[data-testid="shift-${moved.id}"]`).click();
    const editor = page.getByRole('dialog');
    const field = (label: string) => editor.getByLabel(label, { exact: true });
    const [day, start] = shanghai(Date.parse(after.startsAt));
    expect([await field('Start day').inputValue(), await field('Start time').inputValue()]).toEqual(
      [day, start],
    );
    await field('Start time').fill(
      shanghai(Date.parse(after.startsAt) + 30 * 60_000)[1].replace(':', ''),
    );
    const endField = await field('End time').elementHandle();
    const wantEnd = shanghai(Date.parse(after.endsAt) + 30 * 60_000)[1];
    await page.waitForFunction(([el, want]) => (el as HTMLInputElement).value === want, [
      endField,
      wantEnd,
    ] as const);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });

    // 5. Publish, once the dialog has said what goes out and to whom.
    await page.getByRole('button', { name: 'Publish' }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish this schedule?' });
    const shiftCount = (
      await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)).expect(200)
    ).body.shifts.length;
    await confirm.getByText(`: ${shiftCount} shifts for `).waitFor();
    await confirm.getByText(`The team’s ${agents.length} agents are told at once`).waitFor();
    await confirm.getByRole('button', { name: 'Publish and tell the team' }).click();
    await page.getByTestId('schedule-status').getByText('Published').waitFor();
    await context.close();

    // 6. The agent sees the moved shift in the week of their desk, in Shanghai time.
    const agent = agents.find((a) => a.agentId === moved.agentId)!;
    const desk = await openApp(browser, t, { timezoneId: 'Europe/Berlin' });
    await signIn(desk.page, agent.email, agent.password);
    await desk.page.getByRole('tab', { name: 'My schedule' }).click();
    const local = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: ZONE,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(iso));
    await desk.page
      .locator('.fc-timegrid-event')
      .filter({ hasText: `${local(after.startsAt)} - ${local(after.endsAt)}` })
      .first()
      .waitFor();
    await desk.context.close();
  });

  it('will not generate an empty schedule without a forecast, and names who got no shift in short', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler } = await team(t);
    for (let i = 0; i < 7; i++) await t.createAgent({ teamId });
    // One agent needed for six hours (a shift's length): one shift, six agents without.
    const made = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({
        teamId,
        startDate: '2026-01-06',
        days: 1,
        intervalMinutes: 30,
        requirements: Array.from({ length: 12 }, (_, k) => ({
          start: new Date(Date.parse('2026-01-06T02:00:00Z') + k * 30 * 60_000).toISOString(),
          agents: 1,
        })),
      })
      .expect(202);
    for (let i = 0; i < 300; i++) {
      const s = await t
        .http()
        .get(`/v1/schedules/${made.body.scheduleId}`)
        .set(bearer(scheduler.token))
        .expect(200);
      if (s.body.status !== 'solving') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    await page.goto(`${new URL(page.url()).origin}/scheduler?schedule=${made.body.scheduleId}`);
    const unassigned = page.getByTestId('diagnostics').getByText(/got no shift/);
    expect(await unassigned.innerText()).toMatch(
      /^6 agents got no shift: ([^,]+, ){4}[^,]+ and 1 more\.$/,
    );

    // No forecast for the days in view: nobody is needed, so generating is offered only after one.
    await page.getByTestId('no-forecast').waitFor();
    expect(await page.getByRole('button', { name: /^Generate/ }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Upload a forecast' }).click();
    await page.getByTestId('forecast-drop').waitFor();
    await context.close();
  });

  it('decides time off with its effect shown, repairs the gap, and edits a contract', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler } = await team(t);
    const named = async (displayName: string) => {
      const a = await t.createAgent({ teamId });
      await t
        .http()
        .patch(`/v1/agents/${a.agentId}`)
        .set(await t.asAdmin())
        .send({ displayName })
        .expect(200);
      return a;
    };
    const gao = await named('Gao Wen');
    const he = await named('He Li');
    // Gao's published shift on Wednesday 7 Jan, 08:00-14:00 Shanghai; Gao asks for the morning off.
    await insertShift(t, teamId, gao.agentId, '2026-01-07T00:00:00Z', '2026-01-07T06:00:00Z');
    await t
      .http()
      .post('/v1/time-off')
      .set(bearer(gao.token))
      .send({
        agentId: gao.agentId,
        kind: 'time_off',
        startsAt: '2026-01-07T00:00:00Z',
        endsAt: '2026-01-07T10:00:00Z',
        reason: 'Family matter',
      })
      .expect(201);

    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('tab', { name: 'Requests' }).click();
    await page.getByText('Gao Wen · time off').waitFor();
    await page.getByRole('button', { name: 'Effect' }).click();
    await page
      .getByTestId('time-off-effect')
      .getByText(/^Approving would remove 1 published shift \(Wed, Jan 7, 08:00–14:00\)/)
      .waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page
      .getByTestId('time-off-decided')
      .getByText(/^Approved: Gao Wen, .*1 published shifts went to the open-shift board/)
      .waitFor();
    await page.getByText('No time-off request is waiting.').waitFor();
    await page.getByText('from time off').waitFor();
    if (process.env.SCREENSHOTS) {
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('因休假空出').waitFor();
      await page.screenshot({ path: 'docs/web-scheduler-requests.zh.png', fullPage: true });
      await page.getByText('EN', { exact: true }).click();
      await page.getByText('from time off').waitFor();
    }
    await page.getByRole('button', { name: 'Repair the schedule' }).click();
    const result = page.getByTestId('repair-result');
    await result.getByText(/^Repair: 1 open shifts filled, 0 left open/).waitFor();
    await result.getByText(/^He Li: Wed, Jan 7, 08:00–14:00$/).waitFor();
    await page.getByText('No open shift.').waitFor();
    const taken = await t.dataSource.query(
      `SELECT agent_id FROM shifts WHERE live AND starts_at = '2026-01-07T00:00:00Z' AND agent_id = ANY($1)`,
      [[gao.agentId, he.agentId]],
    );
    expect(taken).toEqual([{ agent_id: he.agentId }]);

    // He Li's contract and preferences, from the table's drawer.
    await page.getByRole('tab', { name: 'Contracts and preferences' }).click();
    await page.getByRole('button', { name: 'Edit He Li' }).click();
    await page.getByLabel('At least (hours a week)').fill('20');
    await page.getByLabel('At most (hours a week)').fill('30');
    await page.getByLabel('Preferred earliest start').fill('8:00');
    await page.getByLabel('Preferred latest start').fill('1000');
    await page.getByRole('dialog').getByText('Sun', { exact: true }).click();
    if (process.env.SCREENSHOTS) {
      await page.waitForTimeout(600); // the drawer's slide-in
      await page.screenshot({ path: 'docs/web-scheduler-contract.en.png' });
    }
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'He Li' });
    await row.getByText('20–30 h a week').waitFor();
    await row.getByText('starts 08:00–10:00; off on Sun').waitFor();
    const profile = await t
      .http()
      .get(`/v1/agents/${he.agentId}/work-profile`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(profile.body).toMatchObject({
      minWeeklyHours: 20,
      maxWeeklyHours: 30,
      preferredStartWindow: { earliest: '08:00', latest: '10:00' },
      preferredDaysOff: [7],
    });
    await context.close();
  });

  it('renders a schedule of 300 agents x 7 days (measured, printed), only the rows in view', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler } = await team(t);
    const { scheduleId, shifts } = await seedLargeSchedule(t, teamId);
    expect(shifts).toBe(1500);

    // The browser's own clock here (not the service's, as openApp installs): the performance
    // timeline records marks only with the real one.
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1600, height: 900 },
      timezoneId: 'Europe/Berlin',
    });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto((await t.url()) + '/');
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    // Opening the schedule from the address: from navigation to the grid's first paint.
    await page.goto(`${new URL(page.url()).origin}/scheduler?schedule=${scheduleId}`);
    await page.getByText('300 agents, 1500 shifts').waitFor();
    await page.getByTestId('schedule-grid').waitFor();
    const load = await page.evaluate(async () => {
      for (
        let i = 0;
        i < 100 && !performance.getEntriesByName('sw:schedule-grid-rendered').length;
        i++
      )
        await new Promise((r) => setTimeout(r, 50));
      return performance.getEntriesByName('sw:schedule-grid-rendered')[0]?.startTime ?? -1;
    });
    expect(load).toBeGreaterThan(0);
    // Switching to the schedule tab again: from the click to the grid's first paint (the data is cached).
    await page.getByRole('tab', { name: 'Forecast and staffing' }).click();
    const rerender = await page.evaluate(async () => {
      performance.clearMarks('sw:schedule-grid-rendered');
      const tab = Array.from(document.querySelectorAll('[role="tab"]')).find(
        (e) => e.textContent === 'Schedule',
      ) as HTMLElement;
      const t0 = performance.now();
      tab.click();
      for (
        let i = 0;
        i < 100 && !performance.getEntriesByName('sw:schedule-grid-rendered').length;
        i++
      )
        await new Promise((r) => setTimeout(r, 20));
      return performance.getEntriesByName('sw:schedule-grid-rendered')[0].startTime - t0;
    });
    console.log(
      `schedule grid, 300 agents x 7 days (1500 shifts): first paint ${Math.round(load)} ms after navigation (sign-in done, data fetched), ${Math.round(rerender)} ms from the tab click`,
    );

    // Functional: only the rows in view are in the DOM; scrolling reaches the last agent.
    const rows = page.locator('[data-testid^="grid-row-"]');
    expect(await rows.count()).toBeLessThan(60);
    expect(await page.locator('[data-testid^="shift-"]').count()).toBeGreaterThan(20);
    await page.getByRole('rowgroup').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByRole('rowheader', { name: 'Agent 300' }).waitFor();
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'docs/web-scheduler-grid-300.en.png' });
    await page
      .getByTestId('coverage-words')
      .getByText(/^Cantonese: 196 of 336 intervals are short/)
      .waitFor();
    await context.close();
  });
});
