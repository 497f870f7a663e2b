/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { openApp, signIn, useWebApp } from '../support/browser';
import { setPresence } from '../support/router';
import { TestApp } from '../support/test-app';

/** The wallboard's panel of promised callbacks, in Chromium against the service and PostgreSQL. */
describe('web app: callbacks on the supervisor wallboard', () => {
  const suite = useWebApp();
  let t: TestApp;
  let browser: Browser;
  let key: string;
  beforeAll(async () => {
    ({ t, browser } = suite);
    key = await t.createRouterKey();
  });

  it("shows the team's promised callbacks per dialect, and none of another team's", async () => {
    const teamId = await t.createTeam();
    const otherTeam = await t.createTeam();
    const mine = await t.createAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 4 }] });
    const theirs = await t.createAgent({
      teamId: otherTeam,
      dialects: [{ tag: 'cmn-x-wuhan', proficiency: 4 }],
    });
    // Logged in, so each callback belongs to the team of the agents who can take it.
    await setPresence(t, mine, 'not_ready');
    await setPresence(t, theirs, 'not_ready');
    const at = (minutes: number) => new Date(t.clock.now().getTime() + minutes * 60_000);
    const promise = (n: number, dialect: string) =>
      t
        .http()
        .post('/v1/routing/callbacks')
        .set('X-Api-Key', key)
        .send({
          callbackId: `panel-${dialect}-${n}`,
          callerRef: `caller-${dialect}-${n}`,
          dialTarget: `+8627${String(10_000_000 + n)}`,
          dialect,
          notBefore: at(5).toISOString(),
          notAfter: at(65).toISOString(),
        })
        .expect(201);
    await promise(1, 'yue');
    await promise(2, 'yue');
    await promise(3, 'cmn-x-wuhan');
    const supervisor = await t.createUser(['supervisor'], teamId);

    const { page, context } = await openApp(browser, t);
    await signIn(page, supervisor.email, supervisor.password); // lands on the wallboard
    const table = page.getByTestId('callbacks-table');
    await table.waitFor({ timeout: 10_000 });
    const dialects = table.getByTestId('callbacks-dialect');
    expect(await dialects.count()).toBe(1); // the other team's Wuhan callback is not shown
    const yue = await dialects.first().textContent();
    expect(yue).toContain('Cantonese'); // by name, not the code yue
    expect(yue).toContain('2 promised');
    expect(yue).toContain('–'); // none settled yet: no share reached
    await context.close();
  });
});
