/**
 * `DATABASE_URL=… npx ts-node --transpile-only scripts/admin-screenshots.ts`: the admin console's
 * tabs (and the wallboard's service-level history) into docs/admin-*.png, from a throw-away service
 * with a sample call centre, in Chromium. Chinese pages need a CJK font (Debian: fonts-noto-cjk).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { benchDatabase } from '../bench/support';
import { Router } from '../test/routing/queue-support';
import { launchChromium, openApp, signIn } from '../test/support/browser';
import { callId } from '../test/support/router';
import { TestApp } from '../test/support/test-app';
import { runCall } from '../test/wellbeing/helpers';

const CHINESE_LABELS: Record<string, string> = {
  cmn: '普通话',
  'cmn-x-wuhan': '武汉话',
  'cmn-x-sichuan': '四川话',
  yue: '粤语',
  wuu: '吴语（上海话）',
  nan: '闽南话',
  en: '英语',
  'elder-care': '老年人关怀',
  returns: '退换货',
  billing: '账单查询',
  complaints: '投诉处理',
};

async function main() {
  const docs = join(__dirname, '../docs');
  const db = await benchDatabase();
  const t = await TestApp.create({ databaseUrl: db.url });
  const browser = await launchChromium();
  try {
    t.clock.set('2026-01-05T06:40:00Z'); // 14:40 in Wuhan
    const admin = await t.asAdmin();
    const post = (path: string, body: object) =>
      t.http().post(path).set(admin).send(body).expect(201);
    const patch = (path: string, body: object) =>
      t.http().patch(path).set(admin).send(body).expect(200);

    for (const [tag, label] of Object.entries(CHINESE_LABELS))
      await patch(`/v1/routing-tags/${tag}`, { label });
    await post('/v1/routing-tags', { tag: 'fax-orders', kind: 'skill', label: '传真订单' });
    await patch('/v1/routing-tags/fax-orders', { retired: true });

    const wuhan = (await post('/v1/sites', { name: '武汉光谷职场', timeZone: 'Asia/Shanghai' }))
      .body.id;
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '22:00' }));
    await patch(`/v1/sites/${wuhan}`, {
      openingHours: [...weekdays, { weekday: 6, open: '09:00', close: '18:00' }],
    });
    const chengdu = (await post('/v1/sites', { name: '成都天府职场', timeZone: 'Asia/Shanghai' }))
      .body.id;
    const team = async (name: string, siteId: string) =>
      (await post('/v1/teams', { name, siteId })).body.id as string;
    const wuhanLine = await team('武汉话热线一组', wuhan);
    await team('普通话综合组', wuhan);
    await team('四川话热线', chengdu);

    const people: Array<[string, string, string[]]> = [
      ['zhang.min@example.com', '张敏', ['supervisor']],
      ['liu.yang@example.com', '刘洋', ['scheduler']],
      ['chen.jing@example.com', '陈静', ['counselor']],
    ];
    for (const [email, displayName, roles] of people)
      await post('/v1/users', {
        email,
        displayName,
        roles,
        password: 'sample-password-1',
        ...(roles[0] === 'counselor' ? {} : { teamId: wuhanLine }),
      });
    await post('/v1/users', {
      email: 'wang.lei@example.com',
      displayName: '王磊',
      roles: ['admin'],
      password: 'sample-password-1',
    });
    const csv = [
      'external_id,display_name,dialects,skills',
      '8001,李娜,cmn:5;cmn-x-wuhan:5,elder-care:4',
      '8002,王芳,cmn:5;cmn-x-wuhan:4,billing:3',
      '8003,周杰,cmn:4;cmn-x-wuhan:5,complaints:4',
      '8004,吴婷,cmn:5,returns:4;billing:3',
      '8005,赵磊,cmn:5;cmn-x-sichuan:3,',
      '8006,孙悦,cmn:5;yue:3,complaints:3',
    ].join('\n');
    await t
      .http()
      .post('/v1/agents/import')
      .set(admin)
      .send({ csv, teamId: wuhanLine, dryRun: false })
      .expect(200);
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${wuhanLine}`)
      .set(admin)
      .send({ recoveryMinutesBySeverity: [5, 10, 20], escalationAlertAt: 2, counsellingOfferAt: 2 })
      .expect(200);
    const key = (await post('/v1/api-keys', { name: 'router-wuhan-1', role: 'router' })).body.key;
    const old = (await post('/v1/api-keys', { name: 'router-test', role: 'router' })).body.id;
    await t.http().delete(`/v1/api-keys/${old}`).set(admin).expect(204);

    // A morning of queued calls for the wallboard's service-level history.
    const router = new Router(t, key);
    const agents = (
      await t.http().get(`/v1/agents?teamId=${wuhanLine}`).set(admin).expect(200)
    ).body.items.map((a: { id: string }) => a.id);
    t.clock.set('2026-01-05T01:00:00Z'); // 09:00 in Wuhan
    // Holds long enough for a slow answer (a late one counts against the service level).
    await t
      .http()
      .put(`/v1/teams/${wuhanLine}/settings`)
      .set(admin)
      .send({ reservationTtlSeconds: 90 })
      .expect(200);
    for (const agentId of agents) await router.presence(agentId, 'available');
    // Offered at once; the ringing (the wait before the answer) makes the service level.
    for (let slot = 0; slot < 22; slot++) {
      const waits = [8, 15, slot % 5 === 3 ? 45 : 12, slot % 7 === 2 ? 60 : 18];
      for (const wait of waits) {
        const id = callId();
        let state = (await router.enqueue({ callId: id, dialect: 'cmn' })).body;
        // Everyone busy or on a micro-break: the call waits until the dispatcher offers it.
        for (let i = 0; state.status !== 'offered' && i < 30; i++) {
          t.clock.advanceSeconds(10);
          await router.sweep();
          await router.dispatch();
          state = await router.call(id);
        }
        t.clock.advanceSeconds(wait);
        await router.accept(state.reservation.reservationId);
        await router.end(id, state.reservation.agentId, t.clock.advanceSeconds(90));
        t.clock.advanceSeconds(40);
      }
      t.clock.set(new Date(Date.parse('2026-01-05T01:00:00Z') + (slot + 1) * 15 * 60_000));
    }
    await runCall(t, key, agents[0], 3, { severity: 2 });
    t.clock.set('2026-01-05T06:40:00Z');

    const shot = async (
      name: string,
      locale: 'zh-CN' | 'en-US',
      go: (page: Page) => Promise<void>,
      who = 'wang.lei@example.com',
      fullPage = true,
    ) => {
      const { page, context } = await openApp(browser, t, {
        locale,
        viewport: { width: 1366, height: 900 },
        timezoneId: 'Asia/Shanghai',
      });
      await signIn(page, who, 'sample-password-1', locale === 'zh-CN');
      await go(page);
      await page.waitForTimeout(700);
      await page.screenshot({ path: join(docs, name), fullPage });
      await context.close();
      console.log(`docs/${name}`);
    };
    const tab = (path: string, ready: string) => async (p: Page) => {
      await p.getByRole('link', { name: /管理|Admin/ }).waitFor();
      await p.goto(new URL(`/admin/${path}`, p.url()).toString());
      await p.getByText(ready).first().waitFor();
    };
    await shot('admin-sites.zh.png', 'zh-CN', tab('sites', '武汉光谷职场'));
    await shot('admin-site-edit.en.png', 'en-US', async (p) => {
      await tab('sites', 'Sites')(p);
      await p.getByRole('button', { name: 'Edit site 武汉光谷职场' }).click();
      await p.getByLabel('Closes (range 6)').waitFor();
    });
    await shot('admin-people.zh.png', 'zh-CN', tab('people', '李娜'));
    await shot('admin-tags.zh.png', 'zh-CN', async (p) => {
      await tab('tags', '武汉话')(p);
      await p.locator('.mantine-SegmentedControl-root').getByText('技能', { exact: true }).click();
      await p.getByText('传真订单').waitFor();
    });
    await shot('admin-keys.zh.png', 'zh-CN', async (p) => {
      await tab('keys', 'router-wuhan-1')(p);
      await p.getByLabel('密钥名称').fill('router-chengdu-1');
      await p.getByRole('button', { name: '新建路由密钥' }).click();
      await p.getByTestId('new-api-key').waitFor();
    });
    await shot('admin-wellbeing.zh.png', 'zh-CN', async (p) => {
      await tab('wellbeing', '这套规则会怎么做')(p);
      await p.getByLabel('查看哪里的规则').selectOption({ label: '班组：武汉话热线一组' });
      await p.getByText('这个班组自己的规则').waitFor();
    });
    await shot('admin-wellbeing.en.png', 'en-US', async (p) => {
      await tab('wellbeing', 'What this policy does')(p);
      await p.getByLabel('Policy of').selectOption({ label: 'Team: 武汉话热线一组' });
      await p.getByText("This team's own policy").waitFor();
    });
    await shot('admin-labour.zh.png', 'zh-CN', tab('labour', '班次最短'));
    await shot(
      'admin-audit.zh.png',
      'zh-CN',
      async (p) => {
        await tab('audit', '操作记录')(p);
        await p.getByTestId('audit').waitFor();
      },
      'wang.lei@example.com',
      false,
    );
    await shot(
      'admin-service-level.zh.png',
      'zh-CN',
      async (p) => {
        await p.getByRole('region', { name: '今天的服务水平' }).getByRole('img').first().waitFor();
      },
      'zhang.min@example.com',
    );
  } finally {
    await browser.close();
    await t.close();
    await db.stop();
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
