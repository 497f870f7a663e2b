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
import { LOCAL_DEFAULTS } from '../src/platform/config/app-config';

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

class Api {
  constructor(
    private readonly baseUrl: string,
    private token: string | null = null,
  ) {}

  async login(email: string, password: string): Promise<string> {
    const res = await this.send('POST', '/v1/auth/login', { email, password }, null);
    return res.accessToken as string;
  }

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async send(method: string, path: string, body?: unknown, token = this.token): Promise<any> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok)
      throw new Error(
        `${method} ${path}: ${res.status} ${json?.error ?? ''} ${json?.message ?? ''}`,
      );
    return json;
  }
}

/** Local date parts of an instant in the sample's zone. */
function localDay(at: Date): { y: number; m: number; d: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { y: Number(get('year')), m: Number(get('month')), d: Number(get('day')), weekday };
}

/** Calls in a half hour at a local time: a morning and an afternoon peak (Asia/Shanghai has no DST). */
function callsAt(localMinutes: number, weekday: number): number {
  const hour = localMinutes / 60;
  const peak = (centre: number, width: number) =>
    Math.exp(-((hour - centre) ** 2) / (2 * width ** 2));
  const shape = 0.35 + 0.9 * peak(10.5, 1.2) + 0.7 * peak(15, 1.5) + 0.25 * peak(20, 1);
  return Math.round((weekday === 6 ? 4 : 6) * shape);
}

/**
 * The next 14 days' forecast for a team, from tomorrow (the site's day), every half hour the site
 * is open; `wuhanShare` of it asks for Wuhan dialect.
 */
export function sampleForecast(
  now: Date,
  wuhanShare: number,
): Array<{ start: string; calls: number; ahtSeconds: number; dialect?: string }> {
  const out: Array<{ start: string; calls: number; ahtSeconds: number; dialect?: string }> = [];
  const today = localDay(now);
  for (let i = 1; i <= 14; i++) {
    // Local midnight of day i, as UTC (UTC+8, no DST).
    const midnight = Date.UTC(today.y, today.m - 1, today.d + i) - 8 * 3_600_000;
    const { weekday } = localDay(new Date(midnight + 12 * 3_600_000));
    const hours = OPENING_HOURS.find((h) => h.weekday === weekday);
    if (!hours) continue;
    const [open, close] = [hours.open, hours.close].map((t) => {
      const [h, m] = t.split(':').map(Number);
      return h * 60 + m;
    });
    for (let minute = open; minute < close; minute += 30) {
      const start = new Date(midnight + minute * 60_000).toISOString();
      const calls = callsAt(minute + 15, weekday);
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
  const anonymous = new Api(options.baseUrl);
  const admin = anonymous.as(await anonymous.login(options.adminEmail, options.adminPassword));
  const sites = await admin.send('GET', '/v1/sites?pageSize=200');
  if (sites.items.some((s: { name: string }) => s.name === SAMPLE_SITE))
    return { created: false, logins: loginsOf(), routerKey: null };

  const site = await admin.send('POST', '/v1/sites', { name: SAMPLE_SITE, timeZone: ZONE });
  await admin.send('PATCH', `/v1/sites/${site.id}`, { openingHours: OPENING_HOURS });
  const wuhan = await admin.send('POST', '/v1/teams', { name: '武汉话热线一组', siteId: site.id });
  const general = await admin.send('POST', '/v1/teams', { name: '普通话综合组', siteId: site.id });
  const teamOf = { wuhan: wuhan.id as string, general: general.id as string };

  for (const a of SAMPLE_AGENTS)
    await admin.send('POST', '/v1/agents', {
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
    await admin.send('POST', '/v1/users', {
      email: person.email,
      password: SAMPLE_PASSWORD,
      displayName: person.name,
      roles: [role],
      teamId: teamOf.wuhan,
    });

  const counsellor = await admin.send('POST', '/v1/counseling/counselors', {
    email: PEOPLE.counsellor.email,
    password: SAMPLE_PASSWORD,
    displayName: PEOPLE.counsellor.name,
    timeZone: ZONE,
    languages: ['cmn', 'cmn-x-wuhan'],
  });
  const asCounsellor = anonymous.as(
    await anonymous.login(PEOPLE.counsellor.email, SAMPLE_PASSWORD),
  );
  await asCounsellor.send('PUT', `/v1/counseling/counselors/${counsellor.id}/availability`, {
    weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, start: '09:00', end: '12:00' },
      { weekday, start: '13:30', end: '17:30' },
    ]),
  });

  const now = options.now ?? new Date();
  for (const [teamId, wuhanShare] of [
    [teamOf.wuhan, 0.4],
    [teamOf.general, 0],
  ] as const)
    await admin.send('PUT', `/v1/teams/${teamId}/forecast`, {
      intervalMinutes: 30,
      intervals: sampleForecast(now, wuhanShare).map((i) => ({
        ...i,
        // The general team takes a smaller share of the centre's calls.
        calls: wuhanShare > 0 ? i.calls : Math.round(i.calls * 0.6),
      })),
    });

  const published = await publishFirstWeek(admin, teamOf.wuhan, now);
  const key = await admin.send('POST', '/v1/api-keys', { name: 'sample-router', role: 'router' });
  return { created: true, logins: loginsOf(), routerKey: key.key as string, published };
}

/**
 * The Wuhan line's next seven days, generated from its forecast by the service's own solver and
 * published, so agents see their week and the wallboard its adherence. False when the solver
 * found no schedule (the rest of the centre stands).
 */
async function publishFirstWeek(admin: Api, teamId: string, now: Date): Promise<boolean> {
  const { y, m, d } = localDay(new Date(now.getTime() + 86_400_000));
  const startDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const { scheduleId } = await admin.send('POST', '/v1/schedules/generate', {
    teamId,
    startDate,
    days: 7,
    intervalMinutes: 30,
  });
  // The solver works in the background (its time limit bounds this wait).
  for (let i = 0; i < 600; i++) {
    const schedule = await admin.send('GET', `/v1/schedules/${scheduleId}`);
    if (schedule.status === 'draft') {
      await admin.send('POST', `/v1/schedules/${scheduleId}/publish`);
      return true;
    }
    if (schedule.status !== 'solving') return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
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
  main().catch((e: Error & { cause?: { code?: string } }) => {
    // fetch fails with a TypeError whose cause names the socket error when nothing listens.
    if (e instanceof TypeError && e.cause?.code === 'ECONNREFUSED')
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
