/// <reference lib="dom" />
import type { Browser, Response } from 'playwright-core';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { book, createCounselor } from '../support/counseling';
import { bearer, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

describe('web app: the counsellor workspace and what a supervisor never sees', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    assertWebBuilt();
    t = await TestApp.create();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("edits weekly hours and an exception, sees the booking with the agent's name, and writes a note", async () => {
    const counsellor = await createCounselor(t, { availability: { weekly: [] } });
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const { page, context } = await openApp(browser, t);
    await signIn(page, counsellor.email, counsellor.password);
    // No hours yet: told that no agent can book, and taken to where hours are set.
    await page.getByTestId('no-hours').getByText('no agent can book you').waitFor();
    await page.getByRole('button', { name: 'Set my hours' }).click();
    await page.getByRole('tab', { name: 'My availability', selected: true }).waitFor();
    // Keyboard-friendly form beside the calendar: Tuesday 09:00-12:00, typed as people type times
    // (a Chinese input method's full-width colon; no colon at all). A field that is not a time
    // says what it wants and nothing can be added.
    await page.getByLabel('Day', { exact: true }).selectOption('2');
    await page.getByLabel('From', { exact: true }).first().fill('9：00');
    await page.getByLabel('To', { exact: true }).first().fill('noon');
    await page.getByText('24-hour time, e.g. 09:30').waitFor();
    expect(await page.getByRole('button', { name: 'Add hours' }).isDisabled()).toBe(true);
    await page.getByLabel('To', { exact: true }).first().fill('1200');
    await page.getByRole('button', { name: 'Add hours' }).click();
    await page.locator('.fc-timegrid-event').getByText('09:00–12:00').waitFor();
    await page.getByLabel('Date', { exact: true }).fill('2026-01-20');
    await page.getByRole('button', { name: 'Add exception' }).click();
    await page.getByRole('button', { name: 'Save availability' }).click();
    await page.getByText('Availability saved.').waitFor();
    const saved = await t
      .http()
      .get(`/v1/counseling/counselors/${counsellor.counselorId}`)
      .set(bearer(counsellor.token))
      .expect(200);
    expect(saved.body.weekly).toEqual([{ weekday: 2, start: '09:00', end: '12:00' }]);
    expect(saved.body.overrides).toEqual([
      expect.objectContaining({ date: '2026-01-20', off: true }),
    ]);

    // An agent books Tuesday 2026-01-06 09:00 Shanghai (01:00 UTC); the counsellor sees it.
    const booking = await book(
      t,
      agent,
      counsellor.counselorId,
      '2026-01-06T01:00:00.000Z',
      50,
    ).expect(201);
    await page.getByRole('tab', { name: 'My bookings' }).click();
    const row = page.getByTestId('counsellor-bookings').getByRole('row').nth(1);
    await row.waitFor();
    expect(await page.getByTestId('no-hours').count()).toBe(0); // hours saved: no hint
    expect(await row.innerText()).toMatch(/06 Jan|Jan 6/);
    expect(await row.innerText()).toContain('09:00');
    expect(await row.innerText()).toContain('Test Agent'); // the agent's display name
    await row.getByRole('button', { name: 'Notes' }).click();
    await page
      .getByRole('textbox', { name: 'Notes' })
      .fill('Talked about the angry caller; plans a walk at lunch.');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await page.getByText('Notes saved.').waitFor();
    const stored = await t
      .http()
      .get(`/v1/counseling/bookings/${booking.body.id}`)
      .set(bearer(counsellor.token))
      .expect(200);
    expect(stored.body.notes).toBe('Talked about the angry caller; plans a walk at lunch.');
    // Encrypted at rest, as before.
    const [raw] = await t.dataSource.query(
      `SELECT notes_ciphertext FROM counseling_bookings WHERE id = $1`,
      [booking.body.id],
    );
    expect(String(raw.notes_ciphertext)).not.toContain('angry caller');
    await context.close();
  });

  it('moves a session from the bookings list, with a message the agent sees', async () => {
    const counsellor = await createCounselor(t);
    const agent = await t.createAgent({ teamId: await t.createTeam() });
    const old = (
      await book(t, agent, counsellor.counselorId, '2026-01-06T02:00:00.000Z').expect(201)
    ).body;
    const { page, context } = await openApp(browser, t);
    await signIn(page, counsellor.email, counsellor.password);
    await page.getByTestId('counsellor-bookings').getByRole('button', { name: 'Move' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move this session' });
    // It starts from the session's own day and time, in the counsellor's zone (Shanghai).
    const day = dialog.getByLabel('Date', { exact: true });
    const time = dialog.getByLabel(/^New time/);
    expect([await day.inputValue(), await time.inputValue()]).toEqual(['2026-01-06', '10:00']);
    await day.fill('2026/1/8');
    await time.fill('1430');
    await dialog.getByLabel('Message to the agent').fill('A meeting came up: Thursday instead?');
    await dialog.getByRole('button', { name: 'Move session' }).click();
    await page.getByText('Session moved; the agent has been told.').waitFor();
    const mine = await t.http().get('/v1/counseling/bookings').set(bearer(agent.token)).expect(200);
    const byId = new Map(mine.body.items.map((b: { id: string }) => [b.id, b]));
    expect(byId.get(old.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'A meeting came up: Thursday instead?',
    });
    const moved = mine.body.items.find((b: { id: string }) => b.id !== old.id);
    expect(moved).toMatchObject({ status: 'booked', startsAt: '2026-01-08T06:30:00.000Z' });
    await context.close();
  });

  it("a supervisor's browser never receives or shows a booking of their team's agent", async () => {
    const counsellor = await createCounselor(t);
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const supervisor = await t.createUser(['supervisor'], teamId);
    const booking = await book(
      t,
      agent,
      counsellor.counselorId,
      '2026-01-06T02:00:00.000Z',
      50,
    ).expect(201);
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
    await page.getByTestId('display-name').waitFor(); // the wallboard, their workspace
    for (const path of [
      '/agent',
      '/agent/counselling',
      '/counsellor',
      '/counsellor/bookings',
      '/notifications',
    ]) {
      await page.goto((await t.url()) + path);
      await page.getByTestId('display-name').waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toContain('Dr Test');
      expect(text).not.toMatch(/counselling session|My sessions|My bookings/i);
    }
    expect(bodies.join('\n')).not.toContain(booking.body.id);
    expect(bodies.join('\n')).not.toContain(counsellor.counselorId);
    await context.close();
  });
});
