/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { assertWebBuilt, launchChromium, openApp, signIn } from '../support/browser';
import { TestApp } from '../support/test-app';

describe('web app: the admin console in Chromium', () => {
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

  it('imports 50 agents from a CSV file and reports the two bad rows by line', async () => {
    const teamId = await t.createTeam();
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM teams WHERE id = $1`, [
      teamId,
    ]);
    const admin = await t.createUser(['admin']);
    const prefix = `csv${Date.now().toString(36)}`;
    const lines = ['external_id,display_name,dialects,skills'];
    for (let i = 1; i <= 50; i++) {
      const dialects = i === 10 ? 'klingon:5' : i % 3 === 0 ? 'cmn:5;cmn-x-wuhan:4' : 'cmn:4';
      const id = i === 30 ? `${prefix}-5` : `${prefix}-${i}`; // line 31 repeats line 6's id
      lines.push(`${id},Agent ${i},${dialects},`);
    }
    const { page, context } = await openApp(browser, t);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByLabel('Team for the new agents').selectOption({ label: teamName });
    await page.getByLabel('CSV file').setInputFiles({
      name: 'agents.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('50 rows: 48 ready to import, 2 with problems.').waitFor();
    const errors = page.getByTestId('import-errors').getByRole('row');
    expect(await errors.count()).toBe(3); // header + two rows
    expect(await errors.nth(1).innerText()).toMatch(/^11\s+dialects\s+Unknown dialect or skill/);
    expect(await errors.nth(2).innerText()).toMatch(
      /^31\s+external_id\s+Appears twice in the file/,
    );
    const [{ n: before }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM agents WHERE team_id = $1`,
      [teamId],
    );
    expect(before).toBe(0);
    if (process.env.SCREENSHOTS) {
      await page.getByText('中文', { exact: true }).click();
      await page.getByText('有问题的行（这些行不会导入）').waitFor();
      await page.screenshot({ path: 'docs/web-admin-import.zh.png', fullPage: true });
      await page.getByText('EN', { exact: true }).click();
    }
    await page.getByRole('button', { name: 'Import 48 agents' }).click();
    await page.getByText('48 agents imported.').waitFor();
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM agents WHERE team_id = $1`,
      [teamId],
    );
    expect(n).toBe(48);
    const tags = await t.dataSource.query(
      `SELECT t.tag, t.proficiency FROM agent_tags t JOIN agents a ON a.id = t.agent_id WHERE a.external_id = $1 ORDER BY t.tag`,
      [`${prefix}-3`],
    );
    expect(tags).toEqual([
      { tag: 'cmn', proficiency: 5 },
      { tag: 'cmn-x-wuhan', proficiency: 4 },
    ]);
    await context.close();
  });
});
