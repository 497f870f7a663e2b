/**
 * `npm run sample-centre`: a small call centre in a running Shiftwell, so every page has something
 * to show on a first start. Through the public API, as the bootstrap admin: a site in Wuhan with
 * its opening hours, two teams, twelve agents with their dialects and skills, a supervisor, a
 * scheduler, a counsellor with weekly hours, the next two weeks' forecast, the Wuhan line's next
 * week generated and published, and a router key (shown once). Run it again and it changes nothing (the site's name marks a centre already built).
 *
 * SHIFTWELL_URL (default http://localhost:3000), BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD
 * (default: the local ones `npm start` uses).
 */
import { DateTime } from 'luxon';
import { LOCAL_DEFAULTS } from '../src/platform/config/app-config';
import { bearer, HttpClient } from '../src/simulator/http-client';
import { generateAndPublish } from '../src/simulator/scheduled-centre';

export const SAMPLE_SITE = '武汉光谷职场';
/** Everyone in the sample signs in with this (it is a sample: change it, or drop the centre). */
export const SAMPLE_PASSWORD = 'sample-password-1';
const ZONE = 'Asia/Shanghai';
const EMAIL_DOMAIN = 'sample.shiftwell.local';

type Tag = { tag: string; proficiency: number };
interface SampleAgent {
  externalId: string;
  displayName: string;
  team: 'wuhan' | 'general';
  dialects: Tag[];
  skills: Tag[];
}

const tags = (spec: string): Tag[] =>
  spec
    ? spec.split(' ').map((s) => {
        const [tag, level] = s.split(':');
        return { tag, proficiency: Number(level) };
      })
    : [];

const agent = (
  externalId: string,
  displayName: string,
  team: SampleAgent['team'],
  dialects: string,
  skills = '',
): SampleAgent => ({
  externalId,
  displayName,
  team,
  dialects: tags(dialects),
  skills: tags(skills),
});

export const SAMPLE_AGENTS: SampleAgent[] = [
  agent('8001', '李娜', 'wuhan', 'cmn-x-wuhan:5 cmn:5', 'elder-care:4'),
  agent('8002', '王芳', 'wuhan', 'cmn-x-wuhan:4 cmn:5', 'billing:3'),
  agent('8003', '周杰', 'wuhan', 'cmn-x-wuhan:5 cmn:4', 'complaints:4'),
  agent('8004', '吴婷', 'wuhan', 'cmn:5', 'returns:4 billing:3'),
  agent('8005', '赵磊', 'wuhan', 'cmn:5 cmn-x-sichuan:3'),
  agent('8006', '孙悦', 'wuhan', 'cmn:5 yue:3', 'complaints:3'),
  agent('8007', '胡静', 'wuhan', 'cmn-x-wuhan:5 cmn:4', 'elder-care:5'),
  agent('8008', '郑浩', 'wuhan', 'cmn-x-wuhan:3 cmn:5', 'returns:3'),
  agent('8101', '陈晓燕', 'general', 'cmn:5 nan:4', 'billing:4'),
  agent('8102', '林志强', 'general', 'cmn:4 nan:5', 'returns:3'),
  agent('8103', '黄丽', 'general', 'cmn:5 yue:5', 'elder-care:3'),
  agent('8104', '何伟', 'general', 'cmn:5', 'complaints:4 billing:3'),
];

export interface SampleLogin {
  role: string;
  name: string;
  email: string;
}

export interface SampleCentre {
  /** False when the centre was already there: nothing was changed. */
  created: boolean;
  logins: SampleLogin[];
  /** The router key, shown this once (null when the centre was already there). */
  routerKey: string | null;
  /** The Wuhan line's next week was generated and published. */
  published?: boolean;
}

/** Calls in a half hour at a local time: a morning and an afternoon peak. */
function callsAt(localMinutes: number, weekday: number): number {
  const hour = localMinutes / 60;
  const peak = (centre: number, width: number) =>
    Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));
  const shape = 0.35 + 0.9 * peak(10.5, 1.2) + 0.7 * peak(15, 1.5) + 0.25 * peak(20, 1);
  return (weekday === 6 ? 4 : 6) * shape;
}

/**
 * The next 14 days' forecast for a team, from tomorrow (the site's day), every half hour the site
 * is open, `scale` times the sample's curve; `wuhanShare` of it asks for Wuhan dialect.
 */
export function sampleForecast(
  now: Date,
  { scale, wuhanShare }: { scale: number; wuhanShare: number },
): Array<{ start: string; calls: number; ahtSeconds: number; dialect?: string }> {
  const out: Array<{ start: string; calls: number; ahtSeconds: number; dialect?: string }> = [];
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  for (let i = 1; i <= 14; i++) {
    const day = today.plus({ days: i });
    const hours = OPENING_HOURS.find((h) => h.weekday === day.weekday);
    if (!hours) continue;
    const [open, close] = [hours.open, hours.close].map((t) => {
      const [h, m] = t.split(':').map(Number);
      return h * 60 + m;
    });
    for (let minute = open; minute < close; minute += 30) {
      const start = day.plus({ minutes: minute }).toUTC().toISO()!;
      const calls = Math.round(scale * callsAt(minute + 15, day.weekday));
      out.push({ start, calls, ahtSeconds: 255 });
      if (wuhanShare > 0)
        out.push({
          start,
          dialect: 'cmn-x-wuhan',
          calls: Math.round(calls * wuhanShare),
          ahtSeconds: 280,
        });
    }
  }
  return out;
}

const OPENING_HOURS = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '22:00' })),
  { weekday: 6, open: '09:00', close: '18:00' },
];

const emailOf = (local: string) => `${local}@${EMAIL_DOMAIN}`;

const PEOPLE = {
  supervisor: { name: '王磊', email: emailOf('wanglei') },
  scheduler: { name: '刘洋', email: emailOf('liuyang') },
  counsellor: { name: '陈静老师', email: emailOf('chenjing') },
};

function loginsOf(): SampleLogin[] {
  return [
    { role: 'supervisor (武汉话热线一组)', ...PEOPLE.supervisor },
    { role: 'scheduler (武汉话热线一组)', ...PEOPLE.scheduler },
    { role: 'counsellor', ...PEOPLE.counsellor },
    ...SAMPLE_AGENTS.map((a) => ({
      role: `agent ${a.externalId}`,
      name: a.displayName,
      email: emailOf(`agent${a.externalId}`),
    })),
  ];
}

export async function buildSampleCentre(options: {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  now?: Date;
}): Promise<SampleCentre> {
  const http = new HttpClient(options.baseUrl, 1);
  try {
    const login = async (email: string, password: string) =>
      bearer((await http.call('POST', '/v1/auth/login', {}, { email, password })).accessToken);
    const admin = await login(options.adminEmail, options.adminPassword);
    const asAdmin = (method: string, path: string, body?: unknown) =>
      http.call(method, path, admin, body);

    const sites = await asAdmin('GET', '/v1/sites?pageSize=200');
    if (sites.items.some((s: { name: string }) => s.name === SAMPLE_SITE))
      return { created: false, logins: loginsOf(), routerKey: null };

    const site = await asAdmin('POST', '/v1/sites', { name: SAMPLE_SITE, timeZone: ZONE });
    await asAdmin('PATCH', `/v1/sites/${site.id}`, { openingHours: OPENING_HOURS });
    const wuhan = await asAdmin('POST', '/v1/teams', { name: '武汉话热线一组', siteId: site.id });
    const general = await asAdmin('POST', '/v1/teams', { name: '普通话综合组', siteId: site.id });
    const teamOf = { wuhan: wuhan.id as string, general: general.id as string };

    for (const a of SAMPLE_AGENTS)
      await asAdmin('POST', '/v1/agents', {
        externalId: a.externalId,
        displayName: a.displayName,
        email: emailOf(`agent${a.externalId}`),
        password: SAMPLE_PASSWORD,
        teamId: teamOf[a.team],
        dialects: a.dialects,
        skills: a.skills,
      });
    for (const [role, person] of [
      ['supervisor', PEOPLE.supervisor],
      ['scheduler', PEOPLE.scheduler],
    ] as const)
      await asAdmin('POST', '/v1/users', {
        email: person.email,
        password: SAMPLE_PASSWORD,
        displayName: person.name,
        roles: [role],
        teamId: teamOf.wuhan,
      });

    const counsellor = await asAdmin('POST', '/v1/counseling/counselors', {
      email: PEOPLE.counsellor.email,
      password: SAMPLE_PASSWORD,
      displayName: PEOPLE.counsellor.name,
      timeZone: ZONE,
      languages: ['cmn', 'cmn-x-wuhan'],
    });
    await http.call(
      'PUT',
      `/v1/counseling/counselors/${counsellor.id}/availability`,
      await login(PEOPLE.counsellor.email, SAMPLE_PASSWORD),
      {
        weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, start: '09:00', end: '12:00' },
          { weekday, start: '13:30', end: '17:30' },
        ]),
      },
    );

    // The general team takes a smaller share of the centre's calls, and no Wuhan dialect.
    const now = options.now ?? new Date();
    for (const [teamId, shape] of [
      [teamOf.wuhan, { scale: 1, wuhanShare: 0.4 }],
      [teamOf.general, { scale: 0.6, wuhanShare: 0 }],
    ] as const)
      await asAdmin('PUT', `/v1/teams/${teamId}/forecast`, {
        intervalMinutes: 30,
        intervals: sampleForecast(now, shape),
      });

    // The Wuhan line's next seven days from its forecast, so agents see their week and the
    // wallboard its adherence; without a schedule the rest of the centre stands. Planned in
    // quarter hours, as the planner's diagnostics advise for 15-minute breaks: at 30 minutes a
    // break takes its whole interval out of coverage and the week showed about 23% short, not 14%.
    const published = await generateAndPublish(http, admin, {
      teamId: teamOf.wuhan,
      startDate: DateTime.fromJSDate(now, { zone: ZONE }).plus({ days: 1 }).toISODate()!,
      days: 7,
      intervalMinutes: 15,
    }).then(
      () => true,
      () => false,
    );
    const key = await asAdmin('POST', '/v1/api-keys', { name: 'sample-router', role: 'router' });
    return { created: true, logins: loginsOf(), routerKey: key.key as string, published };
  } finally {
    http.close();
  }
}

async function main() {
  const baseUrl = (process.env.SHIFTWELL_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const centre = await buildSampleCentre({
    baseUrl,
    adminEmail: process.env.BOOTSTRAP_ADMIN_EMAIL ?? LOCAL_DEFAULTS.bootstrapAdminEmail,
    adminPassword: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? LOCAL_DEFAULTS.bootstrapAdminPassword,
  });
  console.log(
    centre.created
      ? `The sample centre is ready at ${baseUrl}/ (${SAMPLE_SITE}).`
      : `The sample centre was already there (${SAMPLE_SITE}); nothing was changed.`,
  );
  console.log(`Everyone signs in with the password ${SAMPLE_PASSWORD}:`);
  const width = Math.max(...centre.logins.map((l) => l.email.length));
  for (const l of centre.logins) console.log(`  ${l.email.padEnd(width)}  ${l.name}  ${l.role}`);
  if (centre.created)
    console.log(
      centre.published
        ? "武汉话热线一组's next seven days are generated from the forecast and published."
        : "武汉话热线一组's next week could not be generated; the planner's diagnostics say why.",
    );
  if (centre.routerKey)
    console.log(`Router API key (shown once, stored hashed): ${centre.routerKey}`);
}

if (require.main === module)
  main().catch((e: Error & { code?: string }) => {
    if (e.code === 'ECONNREFUSED')
      console.error(
        'sample-centre: no service answered. Start it (npm start); SHIFTWELL_URL says where.',
      );
    else if (e.message.includes('/v1/auth/login'))
      console.error(
        `sample-centre: the admin could not sign in (${e.message}). BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD say who.`,
      );
    else console.error(`sample-centre: ${e.message}`);
    process.exit(1);
  });
