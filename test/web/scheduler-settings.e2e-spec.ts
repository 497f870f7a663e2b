/// <reference lib="dom" />
import { openApp, signIn, useWebApp } from '../support/browser';
import { bearer, TestApp } from '../support/test-app';
import { insertShift } from '../wellbeing/helpers';

const ZONE = 'Asia/Shanghai';
const WEEK = 7 * 86_400_000;
// Tuesday 6 Jan 2026, 09:00 Shanghai: the planner's first day (the service's clock is Monday 5 Jan).
const NINE = '2026-01-06T01:00:00.000Z';
// 20:00 that day: no calls in the history, so a stored forecast there is left as it was.
const EIGHT_PM = '2026-01-06T12:00:00.000Z';

describe('web app: planning settings, forecast from history and open shifts in Chromium', () => {
  const suite = useWebApp();
  jest.setTimeout(180_000);

  async function team(t: TestApp) {
    const siteId = await t.createSite(undefined, ZONE);
    // Four-hour shifts need no rest break here, so an agent can pick up a posted one as it is.
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send({ minShiftMinutes: 240, restBreakPerWorkedMinutes: 480 })
      .expect(200);
    const teamId = await t.createTeam(siteId);
    const scheduler = await t.createUser(['scheduler'], teamId);
    const named = async (
      displayName: string,
      dialects: Array<{ tag: string; proficiency: number }>,
    ) => {
      const a = await t.createAgent({ teamId, dialects });
      await t
        .http()
        .patch(`/v1/agents/${a.agentId}`)
        .set(await t.asAdmin())
        .send({ displayName })
        .expect(200);
      return a;
    };
    const an = await named('An Qi', [{ tag: 'cmn', proficiency: 5 }]);
    const bai = await named('Bai Lu', [
      { tag: 'cmn', proficiency: 5 },
      { tag: 'yue', proficiency: 4 },
    ]);
    return { teamId, scheduler, an, bai };
  }

  it('builds the forecast from answered calls after a confirmation, and saves the planning settings with inline checks', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler, an, bai } = await team(t);
    // The four Tuesdays before 6 Jan: 12 calls of 200 s answered at 09:00 each.
    let n = 0;
    for (let k = 1; k <= 4; k++)
      for (let c = 0; c < 12; c++) {
        const at = Date.parse(NINE) - k * WEEK + c * 60_000;
        await t.dataSource.query(
          `INSERT INTO calls (call_id, agent_id, answered_at, ended_at, duration_seconds) VALUES ($1, $2, $3, $4, 200)`,
          [
            `hist-${teamId}-${n++}`,
            c % 2 ? an.agentId : bai.agentId,
            new Date(at),
            new Date(at + 200_000),
          ],
        );
      }
    // Stored before: a guess for 09:00 and one for 20:00; the days built are history's alone, so
    // 09:00 becomes 12 and 20:00 (no calls then) goes.
    await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({
        intervalMinutes: 30,
        intervals: [
          { start: NINE, calls: 90, ahtSeconds: 300 },
          { start: EIGHT_PM, calls: 3, ahtSeconds: 180 },
        ],
      })
      .expect(200);

    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    const words = page.getByTestId('staffing-words');
    const peakWords = async () => {
      const preview = await t
        .http()
        .get(
          `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=2026-01-06&days=7&intervalMinutes=30`,
        )
        .set(bearer(scheduler.token))
        .expect(200);
      const peak = Math.max(
        ...preview.body.requirements.filter((r: any) => !r.dialect).map((r: any) => r.agents),
      );
      return new RegExp(
        `^All calls: the busiest interval \\(Tue, Jan 6, 09:00\\) needs ${peak} agents`,
      );
    };
    await words.getByText(await peakWords()).waitFor();

    // 1. From history: the confirmation says what it reads and what it overwrites.
    await page.getByRole('button', { name: 'Build from past calls' }).click();
    const confirm = page.getByRole('dialog', { name: 'Build the forecast from past calls?' });
    await confirm
      .getByText(
        /^7 days from Jan 6, 2026, 30-minute intervals\. .* over the last 4 weeks .*\(calls answered Dec 9, 2025 to Jan 5, 2026\)\.$/,
      )
      .waitFor();
    await confirm
      .getByText(
        'This replaces the stored forecast of these days: an interval without calls in those weeks will have none. If those weeks hold no calls at all, nothing changes.',
      )
      .waitFor();
    // The team's dialects are offered, all chosen.
    expect(await confirm.getByRole('checkbox', { name: 'Cantonese' }).isChecked()).toBe(true);
    await confirm.getByRole('button', { name: 'Build and replace' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByTestId('history-result')
      .getByText('The forecast for these days now has 1 interval.')
      .waitFor();
    const forecast = await t
      .http()
      .get(`/v1/teams/${teamId}/forecast?from=2026-01-05T16:00:00Z&to=2026-01-12T16:00:00Z`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(forecast.body.intervals).toEqual([
      { start: NINE, calls: 12, ahtSeconds: 200, intervalMinutes: 30 },
    ]);
    // Staffing follows the new forecast without a reload.
    await words.getByText(await peakWords()).waitFor();

    // 2. Planning settings: read as stored, checked as typed, refused in words, saved.
    const card = page.getByTestId('planning-settings');
    const field = (label: string) => card.getByLabel(label, { exact: true });
    expect(await field('Service level (%)').inputValue()).toBe('80');
    expect(await field('Shrinkage (%)').inputValue()).toBe('30');
    expect(await field('Occupancy limit (%)').inputValue()).toBe('');
    const shrinkageWords = page.getByTestId('shrinkage-words');
    await shrinkageWords.getByText(/^Shrinkage: base 30%;/).waitFor();
    const save = card.getByRole('button', { name: 'Save settings' });
    expect(await save.isDisabled()).toBe(true);
    await field('Shrinkage (%)').fill('95');
    await card.getByText('From 0 to 90').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await field('Weeks of history').fill('30');
    await card.getByText('From 1 to 26').waitFor();
    await field('Weeks of history').fill('4');
    await field('Shrinkage (%)').fill('40');
    await field('Service level (%)').fill('90');
    await field('Answered within (seconds)').fill('15');
    await field('Occupancy limit (%)').fill('88');
    expect(await card.getByText('From 0 to 90').count()).toBe(0);
    // A refusal from the service (here one answer stood in for it) is said in the person's words.
    await page.route(`**/v1/teams/${teamId}/planning-settings`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              error: 'VALIDATION_FAILED',
              message: 'Validation failed',
              details: { fields: [{ field: 'shrinkage', messages: ['too high'] }] },
            }),
          })
        : route.fallback(),
    );
    await save.click();
    await card
      .getByRole('alert')
      .getByText('Not saved: the service did not accept Shrinkage (%).')
      .waitFor();
    await page.unrouteAll();
    await save.click();
    await card.getByText('Saved. The staffing below now uses these settings.').waitFor();
    const stored = await t
      .http()
      .get(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(stored.body).toEqual({
      targetServiceLevel: 0.9,
      targetAnswerSeconds: 15,
      shrinkage: 0.4,
      maxOccupancy: 0.88,
      hostileCallRate: 0.05,
      recoveryMinutesPerHostileCall: 7,
      wellbeingHistoryWeeks: 4,
    });
    // The staffing view refreshed: the new base shrinkage and the peak staffed with the new target.
    await shrinkageWords.getByText(/^Shrinkage: base 40%;/).waitFor();
    await words.getByText(await peakWords()).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await context.close();
  });

  it('posts open shifts on the selected published schedule and takes them off the board', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler, an, bai } = await team(t);
    // A published one-day schedule: Wednesday 7 Jan, An Qi 08:00-14:00 Shanghai.
    await insertShift(t, teamId, an.agentId, '2026-01-07T00:00:00Z', '2026-01-07T06:00:00Z');
    const [{ schedule_id: scheduleId }] = await t.dataSource.query(
      `SELECT schedule_id FROM shifts WHERE agent_id = $1`,
      [an.agentId],
    );
    const board = async () =>
      (
        await t
          .http()
          .get(`/v1/open-shifts?teamId=${teamId}`)
          .set(bearer(scheduler.token))
          .expect(200)
      ).body.items;

    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    await page.goto(`${new URL(page.url()).origin}/scheduler?schedule=${scheduleId}&tab=requests`);
    const form = page.getByTestId('open-shift-post');
    await form
      .getByText(/^On the board of the published schedule from Jan 7, 2026 \(1 day\)/)
      .waitFor();
    const post = form.getByRole('button', { name: 'Post' });
    const preview = form.getByTestId('open-shift-preview');

    // 1. 14:00-20:00 on the schedule's day, any dialect.
    await form.getByLabel('Day', { exact: true }).fill('2026-01-07');
    await form.getByLabel('Start time').fill('14');
    await form.getByLabel('End time').fill('14:00');
    await preview.getByText('Start and end are the same time.').waitFor();
    expect(await post.isDisabled()).toBe(true);
    await form.getByLabel('End time').fill('2000');
    await preview.getByText('Wed, Jan 7, 14:00 to 20:00').waitFor();
    await post.click();
    await form.getByText('Posted: Wed, Jan 7, 14:00–20:00.').waitFor();

    // 2. A night shift, 22:00 to 02:00 the next day, for Cantonese speakers.
    await form.getByLabel('Day', { exact: true }).fill('2026-01-07');
    await form.getByLabel('Start time').fill('22:00');
    await form.getByLabel('End time').fill('2:00');
    await preview.getByText('Wed, Jan 7, 22:00 to 02:00 the next day').waitFor();
    await form.getByText('Cantonese', { exact: true }).click();
    expect(await form.getByRole('checkbox', { name: 'Cantonese' }).isChecked()).toBe(true);
    await post.click();
    await form.getByText('Posted: Wed, Jan 7, 22:00–02:00.').waitFor();

    const list = page.getByTestId('open-shifts');
    await list.getByRole('row').nth(1).waitFor();
    expect(await list.getByRole('row').allInnerTexts()).toEqual([
      // The badge is shown in capitals.
      expect.stringMatching(/^Wed, Jan 7, 14:00–20:00\s+posted\s/i),
      expect.stringMatching(/^Wed, Jan 7, 22:00–02:00\s+posted\s+Cantonese\s/i),
    ]);
    const posted = await board();
    expect(posted).toEqual([
      expect.objectContaining({
        scheduleId,
        startsAt: '2026-01-07T06:00:00.000Z',
        endsAt: '2026-01-07T12:00:00.000Z',
        requiredDialects: [],
        origin: 'manual',
        status: 'open',
      }),
      expect.objectContaining({
        scheduleId,
        startsAt: '2026-01-07T14:00:00.000Z',
        endsAt: '2026-01-07T18:00:00.000Z',
        requiredDialects: ['yue'],
        origin: 'manual',
        status: 'open',
      }),
    ]);
    const [day, night] = posted;

    // 3. Taken off the board: gone from the list, cancelled on the service.
    await page
      .getByTestId(`open-shift-${day.id}`)
      .getByRole('button', { name: 'Take off the board' })
      .click();
    await page.getByText('Taken off the board: Wed, Jan 7, 14:00–20:00.').waitFor();
    await page.getByTestId(`open-shift-${day.id}`).waitFor({ state: 'detached' });

    // 4. Bai Lu picks up the night shift while it is still on the scheduler's screen: too late to cancel.
    await t
      .http()
      .post(`/v1/open-shifts/${night.id}/claim`)
      .set(bearer(bai.token))
      .send({})
      .expect(200);
    await page
      .getByTestId(`open-shift-${night.id}`)
      .getByRole('button', { name: 'Take off the board' })
      .click();
    await page
      .getByRole('alert')
      .getByText(/^Too late: this shift is no longer open/)
      .waitFor();
    await page.getByText('No open shift.').waitFor();
    expect(
      (await board()).map((o: { id: string; status: string; takenBy: string | null }) => [
        o.id,
        o.status,
        o.takenBy,
      ]),
    ).toEqual([
      [day.id, 'cancelled', null],
      [night.id, 'taken', bai.agentId],
    ]);
    await context.close();
  });

  it('offers posting only for a published schedule', async () => {
    const { t, browser } = suite;
    const { teamId, scheduler, an } = await team(t);
    await insertShift(t, teamId, an.agentId, '2026-01-07T00:00:00Z', '2026-01-07T06:00:00Z', false);
    const [{ schedule_id: draftId }] = await t.dataSource.query(
      `SELECT schedule_id FROM shifts WHERE agent_id = $1`,
      [an.agentId],
    );
    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    await page.goto(`${new URL(page.url()).origin}/scheduler?schedule=${draftId}&tab=requests`);
    await page
      .getByTestId('open-shift-needs-published')
      .getByText('To post an open shift, pick a published schedule on the Schedule tab.')
      .waitFor();
    expect(await page.getByTestId('open-shift-post').count()).toBe(0);
    await context.close();
  });

  it('says so when the agent withdrew a request the scheduler is about to approve', async () => {
    const { t, browser } = suite;
    const { scheduler, an } = await team(t);
    const asked = await t
      .http()
      .post('/v1/time-off')
      .set(bearer(an.token))
      .send({
        agentId: an.agentId,
        kind: 'time_off',
        startsAt: '2026-01-11T16:00:00Z',
        endsAt: '2026-01-12T16:00:00Z',
      })
      .expect(201);
    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Requests' }).click();
    const approve = page.getByRole('button', { name: 'Approve' }).first();
    await approve.waitFor();
    // The agent changes their mind while the page is open.
    await t.http().post(`/v1/time-off/${asked.body.id}/withdraw`).set(bearer(an.token)).expect(200);
    await approve.click();
    await page
      .getByTestId('time-off-refused')
      .getByText('The agent withdrew this request; there is nothing to decide.')
      .waitFor();
    await page.getByText('No time-off request is waiting.').waitFor();
    await context.close();
  });

  it("keeps the team's shift templates and the consistent-start preference", async () => {
    const { t, browser } = suite;
    const { teamId, scheduler } = await team(t);
    const { page, context } = await openApp(browser, t);
    await signIn(page, scheduler.email, scheduler.password);
    await page.getByRole('heading', { name: 'Planner', level: 2 }).waitFor();
    await page.getByRole('tab', { name: 'Contracts and preferences' }).click();
    const card = page.getByTestId('shift-settings');
    await card.getByText('No templates: any start and length within the site').waitFor();
    const save = card.getByRole('button', { name: 'Save shift settings' });
    // Nothing to save while the form is what is stored.
    expect(await save.isDisabled()).toBe(true);
    const rows = card.getByTestId('shift-template');
    const fill = async (i: number, start: string, hours: string) => {
      await card.getByRole('button', { name: 'Add a shift' }).click();
      await rows.nth(i).getByLabel('Start', { exact: true }).fill(start);
      await rows.nth(i).getByLabel('Length (hours)').fill(hours);
    };
    await fill(0, '1300', '9');
    await fill(1, '8:00', '8');
    await fill(2, '08:00', '8');
    // The same shift twice: said on the row, and nothing can be saved.
    await rows.nth(2).getByText('This shift is already in the list').waitFor();
    expect(await save.isDisabled()).toBe(true);
    await card.getByRole('button', { name: 'Remove the shift starting at 08:00' }).last().click();
    // 08:00 for 8 hours and 13:00 for 9: people on the phones 08:00-22:00, and the card says so.
    await card
      .getByTestId('shift-hours-reached')
      .getByText('These shifts put people on the phones 08:00–22:00; calls at other times')
      .waitFor();
    await card.getByLabel(/Keep each agent's start time the same/).check();
    await save.click();
    await card.getByText('Saved: the next generated schedule uses them.').waitFor();
    expect(await save.isDisabled()).toBe(true);
    const stored = await t
      .http()
      .get(`/v1/teams/${teamId}/shift-settings`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(stored.body).toMatchObject({
      shiftTemplates: [
        { start: '08:00', minutes: 480 },
        { start: '13:00', minutes: 540 },
      ],
      consistentStartTimes: true,
    });
    await context.close();
  });
});
