import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TestApp } from './test-app';

/** Debian's Chromium, as CI installs it; the flags keep it quiet and self-contained. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The web app must be built (root `npm ci` does it) before the browser suites run. */
export function assertWebBuilt(): void {
  const index = join(__dirname, '../../web/dist/index.html');
  if (!existsSync(index))
    throw new Error('web/dist is missing: run `npm run build:web` (root `npm ci` builds it)');
}

export interface OpenOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** The browser's own zone: not the site's, to show times follow the site. */
  timezoneId?: string;
}

/**
 * A fresh browser profile on the service, its clock starting at the service's ManualClock so the
 * page and the service agree on "now".
 */
export async function openApp(
  browser: Browser,
  t: TestApp,
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page; base: string }> {
  const base = await t.url();
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1366, height: 768 },
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
  });
  // CI shares two cores with PostgreSQL and the service: wait generously, fail only on a real miss.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.clock.install({ time: t.clock.now() });
  await page.goto(base + '/');
  return { context, page, base };
}

/** Signs in through the form, as a person does (English or Chinese labels). */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  zh = false,
): Promise<void> {
  await page.getByLabel(zh ? '邮箱' : 'Email').fill(email);
  await page.getByLabel(zh ? '密码' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: zh ? '登录' : 'Sign in' }).click();
}

/**
 * A web suite's set-up: the built app, a service on its own database, and one Chromium, closed
 * after the suite. Read `t` and `browser` inside tests (they are set in beforeAll).
 */
export function useWebApp(): { t: TestApp; browser: Browser } {
  const suite = {} as { t: TestApp; browser: Browser };
  beforeAll(async () => {
    assertWebBuilt();
    suite.t = await TestApp.create();
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}
