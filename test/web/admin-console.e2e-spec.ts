/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { openApp, signIn, useWebApp } from '../support/browser';
import { routerKey } from '../support/test-app';
import { setPresence } from '../support/router';
import { runCall } from '../wellbeing/helpers';

describe('web app: the admin console in Chromium', () => {
  const suite = useWebApp();

  /** A fresh browser signed in as a new admin, on one tab of the console. */
  async function adminOn(tab: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const admin = await suite.t.createUser(['admin']);
    const { page, context } = await openApp(suite.browser, suite.t);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('tab', { name: tab }).click();
    return { page, close: () => context.close() };
  }

  it('imports 50 agents from a CSV file and reports the two bad rows by line', async () => {
    const { t, browser } = suite;
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
    await page.getByRole('tab', { name: 'Import agents' }).click();
    await page.getByLabel('Team for the new agents').selectOption({ label: teamName });
    await page.getByLabel('Choose a CSV file').setInputFiles({
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

  it('edits a site (name, time zone, opening hours) and a team (name, site)', async () => {
    const { t } = suite;
    const siteId = await t.createSite(`Wuhan ${Date.now().toString(36)}`);
    const otherSiteId = await t.createSite(`Chengdu ${Date.now().toString(36)}`);
    const teamId = await t.createTeam(siteId);
    const [{ name: siteName }] = await t.dataSource.query(`SELECT name FROM sites WHERE id = $1`, [
      siteId,
    ]);
    const [{ name: otherSiteName }] = await t.dataSource.query(
      `SELECT name FROM sites WHERE id = $1`,
      [otherSiteId],
    );
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM teams WHERE id = $1`, [
      teamId,
    ]);
    const { page, close } = await adminOn('Sites and teams');

    await page.getByRole('button', { name: `Edit site ${siteName}` }).click();
    const site = page.getByRole('dialog', { name: 'Edit site' });
    await site.getByLabel('Name').fill(`${siteName} Optics Valley`);
    await site.getByRole('textbox', { name: 'Time zone' }).fill('Asia/Urum');
    await page.getByRole('option', { name: 'Asia/Urumqi' }).click();
    await site.getByText('Open around the clock').click();
    // A malformed time is caught before it is sent.
    await site.getByLabel('Closes (range 1)').fill('25:00');
    await site.getByText('HH:mm, e.g. 09:00 (closing may be 24:00)').waitFor();
    expect(await site.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await site.getByLabel('Closes (range 1)').fill('20:00');
    await site.getByLabel('Opens (range 7)').fill('20:00');
    await site.getByLabel('Closes (range 7)').fill('02:00');
    await site.getByText('until the next day').waitFor();
    await site.getByRole('button', { name: 'Save' }).click();
    await site.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Asia/Urumqi' }).waitFor();
    const [saved] = await t.dataSource.query(
      `SELECT name, time_zone, opening_hours FROM sites WHERE id = $1`,
      [siteId],
    );
    expect(saved.name).toBe(`${siteName} Optics Valley`);
    expect(saved.time_zone).toBe('Asia/Urumqi');
    expect(saved.opening_hours).toHaveLength(7);
    expect(saved.opening_hours[0]).toEqual({ weekday: 1, open: '09:00', close: '20:00' });
    expect(saved.opening_hours[6]).toEqual({ weekday: 7, open: '20:00', close: '02:00' });

    await page.getByRole('button', { name: `Edit team ${teamName}` }).click();
    const team = page.getByRole('dialog', { name: 'Edit team' });
    await team.getByLabel('Team name').fill(`${teamName} (Sichuan)`);
    await team.getByLabel('Site').selectOption({ label: otherSiteName });
    await team.getByText('Moving the team changes its time zone').waitFor();
    await team.getByRole('button', { name: 'Save' }).click();
    await team.waitFor({ state: 'hidden' });
    await page
      .getByTestId('teams')
      .getByRole('row', { name: new RegExp(`${teamName} \\(Sichuan\\)\\s+${otherSiteName}`) })
      .waitFor();
    const [moved] = await t.dataSource.query(`SELECT name, site_id FROM teams WHERE id = $1`, [
      teamId,
    ]);
    expect(moved).toEqual({ name: `${teamName} (Sichuan)`, site_id: otherSiteId });
    await close();
  });

  it('makes a new agent with a sign-in, who signs in to the agent desk; a sign-in with the Agent role alone is told what is missing', async () => {
    const { t, browser } = suite;
    const teamId = await t.createTeam();
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM teams WHERE id = $1`, [
      teamId,
    ]);
    const externalId = `na${Date.now().toString(36)}`;
    const email = `${externalId}@example.com`;
    const { page, close } = await adminOn('People');
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByLabel('Agent id').fill(externalId);
    await dialog.getByLabel('Name').fill('Xiao Mei');
    await dialog.getByLabel('Team').selectOption({ label: teamName });
    // Dialects picked by name with a level in words (it was a box of cmn:4;cmn-x-wuhan:5 notation).
    await dialog.getByRole('button', { name: '+ Add a dialect' }).click();
    await dialog.getByLabel('Dialect 1').selectOption({ label: 'Putonghua (cmn)' });
    await dialog.getByLabel('Level of Putonghua').selectOption({ label: '4 · fluent' });
    await dialog.getByRole('button', { name: '+ Add a dialect' }).click();
    // The new row offers only what the first does not hold.
    expect(
      await dialog.getByLabel('Dialect 2').locator('option', { hasText: '(cmn)' }).count(),
    ).toBe(0);
    await dialog.getByLabel('Dialect 2').selectOption({ label: 'Wuhan (cmn-x-wuhan)' });
    await dialog.getByLabel('Level of Wuhan').selectOption({ label: '5 · native' });
    await dialog.getByLabel('Email').fill(email);
    // Half a sign-in is caught before it is sent.
    await dialog.getByText('Give both the email and the password, or neither.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Password').fill('xiaomei-pass-1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Listed in the order agents were made (the suite's earlier ones first): found by its id.
    await page.getByLabel('Search agents (name or agent id)').fill(externalId);
    await page.getByTestId('agents').getByRole('cell', { name: externalId }).waitFor();
    const [made] = await t.dataSource.query(
      `SELECT a.display_name, a.team_id, u.email, u.roles,
              (SELECT string_agg(tag || ':' || proficiency, ';' ORDER BY tag COLLATE "C") FROM agent_tags WHERE agent_id = a.id) AS tags
         FROM agents a JOIN users u ON u.id = a.user_id WHERE a.external_id = $1`,
      [externalId],
    );
    expect(made).toEqual({
      display_name: 'Xiao Mei',
      team_id: teamId,
      email,
      roles: ['agent'],
      tags: 'cmn:4;cmn-x-wuhan:5',
    });
    // Listed by name and level; edited: Putonghua up to 5, Wuhan taken off.
    const row = page.getByTestId('agents').getByRole('row', { name: /Xiao Mei/ });
    await row.getByText('Putonghua 4').waitFor();
    await row.getByText('Wuhan 5').waitFor();
    await page.getByRole('button', { name: 'Edit Xiao Mei' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit agent' });
    await edit.getByLabel('Level of Putonghua').selectOption({ label: '5 · native' });
    await edit.getByRole('button', { name: 'Remove Wuhan' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('Putonghua 5').waitFor();
    const [edited] = await t.dataSource.query(
      `SELECT string_agg(tag || ':' || proficiency, ';' ORDER BY tag COLLATE "C") AS tags
         FROM agent_tags WHERE agent_id = (SELECT id FROM agents WHERE external_id = $1)`,
      [externalId],
    );
    expect(edited.tags).toBe('cmn:5');
    await close();

    const agent = await openApp(browser, t);
    await signIn(agent.page, email, 'xiaomei-pass-1');
    await agent.page.getByTestId('display-name').getByText('Xiao Mei').waitFor();
    await agent.page.getByRole('button', { name: 'Take calls' }).waitFor();
    await agent.context.close();

    // Made under Sign-ins with the Agent role alone: no agent profile, so no desk. The page says so
    // (it was blank: the home path pointed at a desk route that did not exist for this person).
    const roleOnly = await t.createUser(['agent']);
    const lone = await openApp(browser, t);
    await signIn(lone.page, roleOnly.email, roleOnly.password);
    await lone.page.getByTestId('no-agent-profile').waitFor();
    expect(new URL(lone.page.url()).pathname).toBe('/home');
    await lone.context.close();
  });

  it('makes a counsellor with a sign-in, who signs in to their workspace; the Counsellor role alone is warned against', async () => {
    const { t, browser } = suite;
    const email = `c${Date.now().toString(36)}@example.com`;
    const { page, close } = await adminOn('People');
    await page.getByText('Counsellors', { exact: true }).click();
    await page.getByRole('button', { name: 'New counsellor' }).click();
    const dialog = page.getByRole('dialog', { name: 'New counsellor' });
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Name').fill('Dr Chen');
    await dialog.locator('input[type=password]').fill('chen-pass-123');
    await dialog.getByRole('textbox', { name: 'Languages' }).click();
    await page.getByRole('option', { name: /\(yue\)/ }).click();
    await page.keyboard.press('Tab'); // leaves the list, which covered the dialog's buttons
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('counsellors').getByRole('cell', { name: 'Dr Chen' }).waitFor();
    const [made] = await t.dataSource.query(
      `SELECT c.languages, c.time_zone, u.roles FROM counselors c JOIN users u ON u.id = c.user_id WHERE u.email = $1`,
      [email],
    );
    expect(made).toEqual({ languages: ['yue'], time_zone: 'Asia/Shanghai', roles: ['counselor'] });
    // Under Sign-ins, ticking the Counsellor role for a new sign-in says where counsellors are made.
    await page.getByText('Sign-ins', { exact: true }).click();
    await page.getByRole('button', { name: 'New sign-in' }).click();
    await page.getByRole('dialog').getByLabel('Counsellor', { exact: true }).check();
    await page.getByTestId('counsellor-role-hint').waitFor();
    await close();

    const counsellor = await openApp(browser, t);
    await signIn(counsellor.page, email, 'chen-pass-123');
    await counsellor.page.getByRole('tab', { name: 'My availability' }).waitFor();
    expect(await counsellor.page.getByText('has not been set up yet').count()).toBe(0);
    await counsellor.context.close();
  });

  it('adds a skill to the catalogue, and says so in words when it is already there', async () => {
    const { t } = suite;
    const skill = `elder-care-${process.pid}`;
    const { page, close } = await adminOn('Dialects and skills');
    await page.getByLabel('Kind').selectOption({ label: 'Skill' });
    await page.getByLabel('Tag', { exact: true }).fill(skill);
    await page.getByLabel('Name shown').fill('Elder care');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByText(`${skill} added.`).waitFor();
    await page
      .getByTestId('routing-tags')
      .getByRole('row', { name: new RegExp(`${skill}\\s+Elder care\\s+in use`) })
      .waitFor();
    const rows = await t.dataSource.query(
      `SELECT kind, label, retired_at FROM routing_tags WHERE tag = $1`,
      [skill],
    );
    expect(rows).toEqual([{ kind: 'skill', label: 'Elder care', retired_at: null }]);

    await page.getByLabel('Tag', { exact: true }).fill(skill);
    await page.getByLabel('Name shown').fill('Elder care again');
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('This tag is already in the list.');
    await close();
  });

  it('creates a router key shown once, then revokes it: the router is refused (401)', async () => {
    const { t } = suite;
    const { page, close } = await adminOn('API keys');
    page.on('dialog', (d) => void d.accept());
    await page.getByLabel('Key name').fill('router-wuhan-1');
    await page.getByRole('button', { name: 'Create router key' }).click();
    const key = (await page.getByTestId('new-api-key').innerText()).trim();
    expect(key).toMatch(/^sw_/);
    await t.http().get('/v1/routing-tags').set(routerKey(key)).expect(200);

    // Shown once: after a reload only its first characters are listed.
    await page.reload();
    const row = page.getByTestId('api-keys').getByRole('row', { name: /router-wuhan-1/ });
    await row.waitFor();
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await row.innerText()).not.toContain(key);

    await page.getByRole('button', { name: 'Revoke key router-wuhan-1' }).click();
    await row.getByText(/^revoked /).waitFor();
    const refused = await t.http().get('/v1/routing-tags').set(routerKey(key)).expect(401);
    expect(refused.body.statusCode).toBe(401);
    await close();
  });

  it("changes a team's wellbeing policy, explained in words as it is edited", async () => {
    const { t } = suite;
    const teamId = await t.createTeam();
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM teams WHERE id = $1`, [
      teamId,
    ]);
    const { page, close } = await adminOn('Wellbeing policies');
    await page.getByLabel('Policy of').selectOption({ label: `Team: ${teamName}` });
    await page.getByText('Built-in defaults').waitFor();
    const explanation = page.getByTestId('policy-explanation');
    await explanation
      .getByText(
        'After a hostile call the agent gets a recovery break before the next call: 5 min for a rude caller, 10 min for an abusive one, 15 min for a threatening one.',
      )
      .waitFor();

    await page.getByLabel('Rude: recovery').fill('8');
    await page.getByLabel('Alert at the nth call in the window').fill('3');
    await explanation.getByText(/5 min for a rude caller/).waitFor({ state: 'detached' });
    const words = await explanation.innerText();
    expect(words).toContain('8 min for a rude caller, 10 min for an abusive one');
    expect(words).toContain(
      'When an agent has 3 hostile calls within 60 minutes, the supervisor is alerted.',
    );
    // The break cap's consequence for a small team, in numbers: 15% needs 7 signed in, 20% needs 5.
    expect(words).toContain('nobody can book one while fewer than 7 are signed in');
    await page.getByLabel('Team on break at once (%)').fill('20');
    await explanation.getByText(/while fewer than 5 are signed in/).waitFor();
    // A contradiction is named before saving: the floor above the mildest recovery.
    await page.getByLabel('Shortest recovery a supervisor may leave (min)').fill('9');
    await page
      .getByText(
        "The shortest recovery a supervisor may leave is longer than a rude call's recovery.",
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await page.getByLabel('Shortest recovery a supervisor may leave (min)').fill('3');

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. It applies from the next call.').waitFor();
    await page.getByText("This team's own policy").waitFor();
    const [stored] = await t.dataSource.query(
      `SELECT settings FROM wellbeing_policies WHERE scope = 'team' AND scope_id = $1`,
      [teamId],
    );
    expect(stored.settings.recoveryMinutesBySeverity).toEqual([8, 10, 15]);
    expect(stored.settings.escalationAlertAt).toBe(3);
    expect(stored.settings.teamBreakCapPercent).toBe(20);
    const view = await t
      .http()
      .get(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(view.body).toMatchObject({ source: 'team', policy: { escalationAlertAt: 3 } });
    await close();
  });

  it('names who the audit log is about: the agent and the team by name, not by id', async () => {
    const { t } = suite;
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    await t
      .http()
      .patch(`/v1/agents/${agent.agentId}`)
      .set(await t.asAdmin())
      .send({ displayName: 'Audited Person' })
      .expect(200);
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM teams WHERE id = $1`, [
      teamId,
    ]);
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(await t.asAdmin())
      .send({ escalationAlertAt: 4 })
      .expect(200);
    await setPresence(t, agent, 'available');
    await runCall(t, await t.createRouterKey(), agent.agentId, 2, { severity: 1 });
    // An access change reads as one: the person by name, each role in words, what it became.
    const scheduler = await t.createUser(['scheduler'], teamId);
    await t
      .http()
      .patch(`/v1/users/${scheduler.id}`)
      .set(await t.asAdmin())
      .send({ displayName: 'Promoted Person', roles: ['scheduler', 'supervisor'] })
      .expect(200);
    const { page, close } = await adminOn('Audit log');
    const rows = page.getByTestId('audit').getByRole('row');
    await rows.filter({ hasText: 'Audited Person' }).first().waitFor();
    await rows.filter({ hasText: teamName }).first().waitFor();
    expect(await rows.filter({ hasText: agent.agentId.slice(0, 8) }).count()).toBe(0);
    const promoted = rows
      .filter({ hasText: 'Access changed' })
      .filter({ hasText: 'Promoted Person' });
    await promoted.getByText('Roles: Scheduler → Scheduler, Supervisor').waitFor();
    expect(await promoted.getByText('Administrator').count()).toBe(1);
    await close();
  });
});
