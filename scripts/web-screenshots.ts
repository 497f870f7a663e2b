/**
 * `npx ts-node --transpile-only scripts/web-screenshots.ts`: screenshots of the web app's main
 * pages into docs/ (for the README), from a throw-away service with sample people in Chromium.
 * Chinese pages need a CJK font (Debian: fonts-noto-cjk).
 */
import { join } from 'node:path';
import { benchDatabase } from '../bench/support';
import { launchChromium, openApp, signIn } from '../test/support/browser';
import { book, createCounselor } from '../test/support/counseling';
import { setPresence } from '../test/support/router';
import { bearer, TestApp } from '../test/support/test-app';
import { insertShift, runCall } from '../test/wellbeing/helpers';

async function main() {
  const docs = join(__dirname, '../docs');
  const db = await benchDatabase();
  const t = await TestApp.create({ databaseUrl: db.url });
  const browser = await launchChromium();
  try {
    const key = await t.createRouterKey();
    const counsellor = await createCounselor(t, { languages: ['cmn'] });
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const mate = await t.createAgent({ teamId });
    const supervisor = await t.createUser(['supervisor'], teamId);
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(bearer(supervisor.token))
      .send({ counsellingOfferAt: 1 })
      .expect(200);
    await insertShift(t, teamId, agent.agentId, '2026-01-05T00:30:00Z', '2026-01-05T09:30:00Z');
    await insertShift(t, teamId, agent.agentId, '2026-01-06T00:30:00Z', '2026-01-06T09:30:00Z');
    await insertShift(t, teamId, agent.agentId, '2026-01-07T04:00:00Z', '2026-01-07T13:00:00Z');
    await setPresence(t, agent, 'available');
    await setPresence(t, mate, 'available');
    await runCall(t, key, agent.agentId, 4);
    await runCall(t, key, agent.agentId, 6, { severity: 2 });
    t.clock.advanceSeconds(60);

    const shot = async (
      name: string,
      go: (page: import('playwright-core').Page) => Promise<void>,
      opts = {},
    ) => {
      const { page, context } = await openApp(browser, t, opts);
      await go(page);
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(docs, name) });
      await context.close();
      console.log(`docs/${name}`);
    };
    await shot(
      'web-sign-in.png',
      async (p) => void (await p.getByRole('button', { name: 'Sign in' }).waitFor()),
      { locale: 'en-US' },
    );
    await shot(
      'web-agent-today.zh.png',
      async (p) => {
        await signIn(p, agent.email, agent.password, true);
        await p.getByText('缓一缓', { exact: false }).first().waitFor();
      },
      { locale: 'zh-CN' },
    );
    await shot(
      'web-agent-schedule.zh.png',
      async (p) => {
        await signIn(p, agent.email, agent.password, true);
        await p.getByRole('tab', { name: '我的排班' }).click();
        await p.locator('.fc-timegrid-event').first().waitFor();
      },
      { locale: 'zh-CN' },
    );
    // A colleague gives a Thursday shift away; the agent has asked for a day off.
    const offered = await insertShift(
      t,
      teamId,
      mate.agentId,
      '2026-01-08T01:00:00Z',
      '2026-01-08T05:00:00Z',
    );
    await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(mate.token))
      .send({ shiftId: offered })
      .expect(201);
    await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agent.token))
      .send({
        agentId: agent.agentId,
        kind: 'time_off',
        startsAt: '2026-01-11T16:00:00Z',
        endsAt: '2026-01-12T16:00:00Z',
        reason: '孩子开家长会',
      })
      .expect(201);
    await shot(
      'web-agent-requests.zh.png',
      async (p) => {
        await signIn(p, agent.email, agent.password, true);
        await p.getByRole('tab', { name: '我的排班' }).click();
        await p.getByTestId('pickup').first().waitFor();
        await p.getByTestId('time-off-requests').waitFor();
        await p.getByRole('heading', { name: '可以接的班' }).scrollIntoViewIfNeeded();
        await p.evaluate(() => window.scrollBy(0, -90));
      },
      { locale: 'zh-CN' },
    );
    await shot(
      'web-agent-counselling.zh.png',
      async (p) => {
        await signIn(p, agent.email, agent.password, true);
        await p.getByRole('tab', { name: '心理辅导' }).click();
        await p.getByText('想找人聊聊吗').waitFor();
      },
      { locale: 'zh-CN' },
    );
    await shot(
      'web-agent-phone.en.png',
      async (p) => {
        await signIn(p, mate.email, mate.password);
        await p.getByRole('button', { name: 'Pause calls' }).waitFor();
      },
      { locale: 'en-US', viewport: { width: 390, height: 844 } },
    );
    await book(t, agent, counsellor.counselorId, '2026-01-06T02:00:00.000Z', 50).expect(201);
    await shot(
      'web-counsellor-bookings.en.png',
      async (p) => {
        await signIn(p, counsellor.email, counsellor.password);
        await p.getByTestId('counsellor-bookings').waitFor();
      },
      { locale: 'en-US' },
    );
    await shot(
      'web-counsellor-availability.zh.png',
      async (p) => {
        await signIn(p, counsellor.email, counsellor.password, true);
        await p.getByRole('tab', { name: '我的空闲时间' }).click();
        await p.locator('.fc-timegrid-event').first().waitFor();
      },
      { locale: 'zh-CN' },
    );
  } finally {
    await browser.close();
    await t.close();
    await db.stop();
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
