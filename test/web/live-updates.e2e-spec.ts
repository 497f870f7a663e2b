/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { callEvents, sendEvents, setPresence } from '../support/router';
import { TestApp } from '../support/test-app';

describe('web app: live updates from the event stream', () => {
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

  it("shows the router's call on the agent's open page without a reload", async () => {
    const key = await t.createRouterKey();
    const agent = await t.createAgent({ teamId: await t.createTeam() });
    await setPresence(t, agent, 'available');
    const { page, context } = await openApp(browser, t);
    await signIn(page, agent.email, agent.password);
    await page.getByTestId('agent-state').getByText('Available').waitFor();
    // Mark the document: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.waitForTimeout(500); // the stream connects
    const call = callEvents(agent.agentId, t.clock.now(), 0);
    await sendEvents(t, key, [call.events[0]]);
    // Well inside the 30 s poll: only the event stream can bring it this fast.
    await page.getByTestId('agent-state').getByText('On a call').waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await context.close();
  });
});
