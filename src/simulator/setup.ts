import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ManualClock } from '../platform/common/clock/clock';
import { LOCAL_DEFAULTS } from '../platform/config/app-config';
import { bearer, HttpClient, mapLimit } from './http-client';
import {
  bootService,
  createDatabase,
  databaseExists,
  databaseStamp,
  DatabaseServer,
  dropDatabase,
  fingerprint,
  renameDatabase,
  schemaFingerprint,
  stampDatabase,
} from './sim-service';
import type { PlannedAgent } from './workforce';

export interface CentreAgent {
  index: number;
  agentId: string;
  externalId: string;
  teamId: string;
  token: string;
  primaryDialect: string;
  /** Dialects spoken at proficiency 3 or more (what a call with minProficiency 3 can use). */
  dialects: string[];
  skills: string[];
}

/** The centre the simulator built through the API, and the credentials it plays with. */
export interface Centre {
  siteId: string;
  timeZone: string;
  teamIds: string[];
  adminToken: string;
  routerKey: string;
  counselorIds: string[];
  agents: CentreAgent[];
  /** Wall time the tokens were issued (they last SIM_JWT_TTL_SECONDS). */
  createdAt: string;
  /** Also the template database's comment: the manifest is reused only with the template it was built with. */
  stamp?: string;
}

export interface CentrePlan {
  agents: PlannedAgent[];
  teams: number;
  counselors: number;
  timeZone: string;
  /** Virtual time of the setup (before the first simulated day). */
  setupAt: Date;
}

const SETUP_VERSION = 2;
const TOKEN_REUSE_MS = 5 * 24 * 3600 * 1000;

/**
 * A prepared centre as a template database plus its manifest (ids, router key, agent tokens).
 * Building one goes through the API: hashing 200 agents' passwords and logging them in is most
 * of the work, so it is done once per workforce and cloned for every run (CREATE DATABASE …
 * TEMPLATE). The manifest holds local-only credentials: it is written with mode 0600 under DATA_DIR.
 */
export async function preparedCentre(
  server: DatabaseServer,
  plan: CentrePlan,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ template: string; centre: Centre; built: boolean }> {
  const key = fingerprint({
    v: SETUP_VERSION,
    agents: plan.agents,
    teams: plan.teams,
    counselors: plan.counselors,
    timeZone: plan.timeZone,
    setupAt: plan.setupAt.toISOString(),
    secret: fingerprint(env.JWT_SECRET ?? LOCAL_DEFAULTS.jwtSecret),
    admin: env.BOOTSTRAP_ADMIN_EMAIL ?? '',
    // One template per checkout: another checkout on the same server never drops ours.
    cacheDir,
  });
  const template = `sw_sim_tpl_${key}`;
  const manifestPath = `${cacheDir}/${template}.json`;
  if (existsSync(manifestPath) && (await databaseExists(server.adminUrl, template))) {
    const centre = JSON.parse(readFileSync(manifestPath, 'utf8')) as Centre;
    // A DATA_DIR used with two servers (embedded, then DATABASE_URL) has one manifest for two
    // templates of the same name: the other's ids and tokens would answer 401 here.
    const sameBuild =
      centre.stamp !== undefined &&
      (await databaseStamp(server.adminUrl, template)) === centre.stamp;
    if (sameBuild && Date.now() - Date.parse(centre.createdAt) < TOKEN_REUSE_MS)
      return { template, centre, built: false };
  }
  await dropDatabase(server.adminUrl, template);
  await dropStaleTemplates(server.adminUrl, cacheDir);
  const building = `sw_sim_build_${key}_${process.pid}`;
  const url = await createDatabase(server.adminUrl, building);
  const clock = new ManualClock(plan.setupAt);
  const service = await bootService(url, clock, env);
  let centre: Centre;
  try {
    log(`preparing the centre: ${plan.agents.length} agents (once; reused by later runs)`);
    centre = await buildCentre(new HttpClient(service.url, 8), plan, env);
  } finally {
    await service.close();
  }
  await renameDatabase(server.adminUrl, building, template);
  centre.stamp = randomUUID();
  await stampDatabase(server.adminUrl, template, centre.stamp);
  mkdirSync(dirname(manifestPath), { recursive: true });
  writeFileSync(manifestPath, JSON.stringify({ ...centre, schema: schemaFingerprint() }), {
    mode: 0o600,
  });
  return { template, centre, built: true };
}

/**
 * Drops this checkout's prepared centres (template database and manifest) that were built on an
 * older schema: no run can use them again, and each holds a whole database on the server.
 * Centres of the current schema (other workforces) stay, and other checkouts' are never touched.
 */
export async function dropStaleTemplates(adminUrl: string, cacheDir: string): Promise<string[]> {
  if (!existsSync(cacheDir)) return [];
  const current = schemaFingerprint();
  const dropped: string[] = [];
  for (const file of readdirSync(cacheDir)) {
    const name = /^(sw_sim_tpl_[0-9a-f]+)\.json$/.exec(file)?.[1];
    if (!name) continue;
    let schema: string | undefined;
    try {
      schema = (JSON.parse(readFileSync(join(cacheDir, file), 'utf8')) as { schema?: string })
        .schema;
    } catch {
      // An unreadable manifest cannot be reused either.
    }
    if (schema === current) continue;
    await dropDatabase(adminUrl, name);
    rmSync(join(cacheDir, file), { force: true });
    dropped.push(name);
  }
  return dropped;
}

async function buildCentre(
  http: HttpClient,
  plan: CentrePlan,
  env: NodeJS.ProcessEnv,
): Promise<Centre> {
  const login = async (email: string, password: string) =>
    (await http.call('POST', '/v1/auth/login', {}, { email, password })).accessToken as string;
  const adminToken = await login(
    env.BOOTSTRAP_ADMIN_EMAIL ?? LOCAL_DEFAULTS.bootstrapAdminEmail,
    env.BOOTSTRAP_ADMIN_PASSWORD ?? LOCAL_DEFAULTS.bootstrapAdminPassword,
  );
  const asAdmin = bearer(adminToken);
  const site = await http.call('POST', '/v1/sites', asAdmin, {
    name: 'Simulated centre',
    timeZone: plan.timeZone,
  });
  const teamIds: string[] = [];
  for (let t = 0; t < plan.teams; t++) {
    const team = await http.call('POST', '/v1/teams', asAdmin, {
      name: `Team ${t + 1}`,
      siteId: site.id,
    });
    teamIds.push(team.id);
  }
  const key = await http.call('POST', '/v1/api-keys', asAdmin, {
    name: 'simulated-router',
    role: 'router',
  });
  // Password hashing dominates: a few at a time keeps the two cores busy without thrashing.
  const agents = await mapLimit(plan.agents, 4, async (a) => {
    const email = `${a.externalId}@simulated.invalid`;
    const password = `sim-${a.externalId}-password`;
    const created = await http.call('POST', '/v1/agents', asAdmin, {
      externalId: a.externalId,
      displayName: `Agent ${a.index + 1}`,
      email,
      password,
      teamId: teamIds[a.team],
      dialects: a.dialects,
      skills: a.skills,
    });
    return {
      index: a.index,
      agentId: created.id as string,
      externalId: a.externalId,
      teamId: teamIds[a.team],
      token: await login(email, password),
      primaryDialect: a.primaryDialect,
      dialects: a.dialects.filter((d) => d.proficiency >= 3).map((d) => d.tag),
      skills: a.skills.map((s) => s.tag),
    };
  });
  const languages = [...new Set(plan.agents.map((a) => a.primaryDialect))];
  const counselorIds: string[] = [];
  for (let i = 0; i < plan.counselors; i++) {
    const c = await http.call('POST', '/v1/counseling/counselors', asAdmin, {
      email: `counselor-${i + 1}@simulated.invalid`,
      password: `sim-counselor-${i + 1}-password`,
      displayName: `Counsellor ${i + 1}`,
      timeZone: plan.timeZone,
      languages: ['cmn', languages[(i + 1) % languages.length]].filter(
        (l, k, all) => all.indexOf(l) === k,
      ),
    });
    await http.call('PUT', `/v1/counseling/counselors/${c.id}/availability`, asAdmin, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    });
    counselorIds.push(c.id);
  }
  http.close();
  return {
    siteId: site.id,
    timeZone: plan.timeZone,
    teamIds,
    adminToken,
    routerKey: key.key,
    counselorIds,
    agents,
    createdAt: new Date().toISOString(),
  };
}
