#!/usr/bin/env node
// The Kamailio example's API side: `setup` creates a site, a team, agents (with `contact` SIP URIs) and a router
// key through the API; `check` reads the router's log and asks the API whether every call was routed, no agent
// was held twice and no recovery was overridden. Plain Node (>= 20, global fetch), no dependencies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [, , command, workDir] = process.argv;
const api = process.env.SHIFTWELL_URL;
const sipHost = process.env.SIP_HOST ?? '127.0.0.1';
const sipPort = process.env.SIP_PORT;
const phonePort = process.env.PHONE_PORT;
const busyPort = process.env.BUSY_PORT;
const noAnswerPort = process.env.NOANSWER_PORT;

// Extensions: Putonghua agents (10xx) and one whose phone is always busy (1901), Cantonese agents (20xx), one
// Minnan agent who is logged in but not ready (so Minnan calls queue and their callers give up), and one
// Shanghainese agent whose phone nobody picks up (so each Shanghainese call is offered to it once, then waits until
// its caller gives up). Enough agents that none takes 20 calls in a row: the wellbeing policy's micro-break after
// 20 calls (with at most 15% of the team on break) would otherwise keep the last callers waiting, as it should.
const NO_ANSWER = '4001';
const BUSY = '1901';
const calls = Number(process.env.CALLS ?? 40);
const cmnAgents = Math.max(6, Math.ceil((0.8 * calls) / 15) + 2);
const yueAgents = Math.max(2, Math.ceil((0.2 * calls) / 15) + 1);
const numbered = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const AGENTS = [
  ...numbered('10', cmnAgents).map((ext) => ({ ext, dialect: 'cmn', port: phonePort })),
  { ext: BUSY, dialect: 'cmn', port: busyPort },
  ...numbered('20', yueAgents).map((ext) => ({ ext, dialect: 'yue', port: phonePort })),
  { ext: '3001', dialect: 'nan', port: phonePort, notReady: true },
  { ext: NO_ANSWER, dialect: 'wuu', port: noAnswerPort },
];

async function call(method, path, { token, key, body } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['x-api-key'] = key;
  const res = await fetch(`${api}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

async function must(method, path, opts, ...okStatuses) {
  const r = await call(method, path, opts);
  if (!okStatuses.includes(r.status)) {
    throw new Error(`${method} ${path} -> ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

async function adminToken() {
  const login = await must(
    'POST',
    '/v1/auth/login',
    {
      body: {
        email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@shiftwell.local',
        password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'shiftwell-admin',
      },
    },
    200,
  );
  return login.accessToken;
}

async function setup() {
  const token = await adminToken();
  const docs = await must('GET', '/docs-json', {}, 200);
  const schemas = docs.components?.schemas ?? {};
  const hasContact = Object.entries(schemas).some(
    ([name, s]) => /^CreateAgent/.test(name) && s.properties && 'contact' in s.properties,
  );
  // SHIFTWELL_MODE=reservations runs the fallback flow even against a service with the queue
  const hasQueue =
    process.env.SHIFTWELL_MODE === 'reservations'
      ? false
      : Object.keys(docs.paths ?? {}).includes('/v1/routing/calls');

  const site = await must('POST', '/v1/sites', { token, body: { name: 'Kamailio example', timeZone: 'Asia/Shanghai' } }, 201);
  const team = await must('POST', '/v1/teams', { token, body: { name: 'SIP example team', siteId: site.id } }, 201);
  // one second of wrap-up keeps the example short (a wrap-up also lasts the window to report a hostile call,
  // where the service has one)
  const settingsSchema = Object.entries(schemas).find(([name]) => /^UpdateTeamSettings/.test(name))?.[1];
  const settings = { wrapUpSeconds: 1 };
  if (settingsSchema?.properties && 'hostileReportWindowSeconds' in settingsSchema.properties) {
    settings.hostileReportWindowSeconds = 1;
  }
  await must('PUT', `/v1/teams/${team.id}/settings`, { token, body: settings }, 200);
  const key = await must('POST', '/v1/api-keys', { token, body: { name: 'kamailio-example', role: 'router' } }, 201);

  const agents = {};
  for (const a of AGENTS) {
    const body = {
      externalId: a.ext,
      displayName: `Agent ${a.ext}`,
      teamId: team.id,
      dialects: [{ tag: a.dialect, proficiency: 4 }],
      skills: [],
    };
    // where the router rings the agent: the extension at this router's registrar
    if (hasContact) body.contact = `sip:${a.ext}@${sipHost}:${sipPort}`;
    const agent = await must('POST', '/v1/agents', { token, body }, 201);
    agents[a.ext] = agent.id;
    // Without the queue, nothing keeps a call from being reserved again for the agent who just turned it down
    // (and reasons do not count as missed offers): the busy and the unanswered phones would get the same call
    // over and over, so they stay out of the reservations flow.
    const state = a.notReady || (!hasQueue && (a.ext === NO_ANSWER || a.ext === BUSY)) ? 'not_ready' : 'available';
    await must('PUT', `/v1/agents/${agent.id}/presence`, { key: key.key, body: { state } }, 200);
  }

  writeFileSync(
    `${workDir}/setup.json`,
    JSON.stringify({ teamId: team.id, agents, hasContact, hasQueue }, null, 2),
  );
  writeFileSync(
    `${workDir}/agents.csv`,
    ['SEQUENTIAL', ...AGENTS.map((a) => `${a.ext};${a.port}`)].join('\n') + '\n',
  );
  // the shell reads these
  writeFileSync(
    `${workDir}/env`,
    `SHIFTWELL_API_KEY=${key.key}\nSHIFTWELL_MODE=${hasQueue ? 'queue' : 'reservations'}\nAGENT_COUNT=${AGENTS.length}\n`,
  );
  console.log(
    `setup: team ${team.id}, ${AGENTS.length} agents (contact ${hasContact ? 'on agents' : 'from externalId'}), ` +
      `router mode ${hasQueue ? 'queue' : 'reservations (no /v1/routing/calls on this service)'}`,
  );
}

const percentile = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function check() {
  const setupInfo = JSON.parse(readFileSync(`${workDir}/setup.json`, 'utf8'));
  const expected = JSON.parse(process.env.EXPECTED ?? '{}');
  const byId = Object.fromEntries(Object.entries(setupInfo.agents).map(([ext, id]) => [id, ext]));
  const logs = ['kamailio.log', 'kamailio-restarted.log']
    .filter((f) => existsSync(`${workDir}/${f}`))
    .map((f) => readFileSync(`${workDir}/${f}`, 'utf8'));
  const lines = logs
    .join('\n')
    .split('\n')
    .map((l) => l.match(/SW\|([a-z-]+)\|(-?\d+)\|([^|]*)\|([^|]*)\|?(.*)$/))
    .filter(Boolean)
    .map(([, kind, ms, callId, agentId, rest]) => ({ kind, ms: Number(ms), callId, agentId, rest: rest.split('|') }));
  const failures = [];
  const fail = (m) => failures.push(m);

  const of = (kind) => lines.filter((l) => l.kind === kind);
  const answered = of('answered');
  const ended = of('ended');
  const offers = of('offer');
  const abandoned = of('abandoned');
  const unroutable = of('unroutable');
  // A long-poll that fails is asked again after 0.5 s, and a failed accept/reject/abandon leaves the call routed
  // (call events tell Shiftwell the rest): counted and shown. A failed POST /v1/routing/calls (the caller got
  // 503) or call-events batch (Shiftwell lost an answer or an end) fails the run.
  const retried = lines.filter(
    (l) =>
      (l.kind === 'error' && /^GET \/v1\/routing\/calls/.test(l.rest.join('|'))) ||
      ['accept-failed', 'reject-failed', 'abandon-failed'].includes(l.kind),
  );
  const errors = lines.filter(
    (l) => /error|failed/.test(l.kind) && l.kind !== 'agent-failed' && !retried.includes(l),
  );
  const agentFailed = of('agent-failed');

  // 1. every call routed: each answering caller answered once and ended once
  const answeredCalls = new Set(answered.map((l) => l.callId));
  if (answeredCalls.size !== answered.length) fail('a call was answered twice');
  if (expected.answered !== undefined && answeredCalls.size !== expected.answered) {
    fail(`${answeredCalls.size} calls answered, expected ${expected.answered}`);
  }
  const endedCalls = new Set(ended.map((l) => l.callId));
  // a call connected across a router restart has no BYE seen by the router that answered it: the restarted
  // router's resync ends it in Shiftwell
  const resyncs = of('resync').map((l) => {
    try {
      return JSON.parse(l.rest.slice(1).join('|'));
    } catch {
      return {};
    }
  });
  const endedByResync = resyncs.reduce((n, r) => n + (r.ended ?? 0), 0);
  const unended = [...answeredCalls].filter((c) => !endedCalls.has(c));
  if (expected.endedByResync !== undefined && endedByResync !== expected.endedByResync) {
    fail(`resync ended ${endedByResync} calls, expected ${expected.endedByResync}`);
  }
  if (unended.length !== endedByResync) {
    fail(`${unended.length} answered calls never ended (${unended.join(', ')}), resync ended ${endedByResync}`);
  }
  if (expected.abandoned !== undefined && abandoned.length !== expected.abandoned) {
    fail(`${abandoned.length} calls abandoned, expected ${expected.abandoned}`);
  }
  if (expected.unroutable !== undefined && unroutable.length !== expected.unroutable) {
    fail(`${unroutable.length} calls refused as unroutable, expected ${expected.unroutable}`);
  }
  for (const e of errors) fail(`router error: ${e.kind} ${e.callId} ${e.rest.join(' ')}`);

  const key = process.env.SHIFTWELL_API_KEY;
  const token = await adminToken();
  if (setupInfo.hasQueue) {
    // Shiftwell's own view of every call the router handled
    const want = new Map();
    for (const c of answeredCalls) want.set(c, 'ended');
    for (const a of abandoned) want.set(a.callId, 'abandoned');
    for (const [callId, status] of want) {
      const r = await call('GET', `/v1/routing/calls/${encodeURIComponent(callId)}`, { key });
      if (r.status !== 200 || r.body.status !== status) {
        fail(`GET /v1/routing/calls/${callId}: ${r.status} ${r.body?.status}, expected ${status}`);
      }
    }
    const q = await call('GET', '/v1/routing/queue', { key });
    const waiting = q.status === 200 ? q.body.queues.reduce((n, x) => n + x.waiting, 0) : -1;
    if (waiting !== 0) fail(`GET /v1/routing/queue: ${q.status}, ${waiting} calls still waiting`);
  }

  // 2. no agent held twice: per agent, an offer only after the previous one closed
  const closes = new Map(); // callId -> ms the agent was let go (ended, failed, abandoned while ringing)
  for (const l of [...ended, ...agentFailed, ...abandoned]) {
    if (!closes.has(`${l.callId}|${l.agentId}`)) closes.set(`${l.callId}|${l.agentId}`, l.ms);
  }
  const perAgent = new Map();
  for (const o of offers) {
    if (!perAgent.has(o.agentId)) perAgent.set(o.agentId, []);
    perAgent.get(o.agentId).push(o);
  }
  let doubleHolds = 0;
  for (const [agentId, list] of perAgent) {
    list.sort((a, b) => a.ms - b.ms);
    for (let i = 1; i < list.length; i++) {
      const prevClose = closes.get(`${list[i - 1].callId}|${agentId}`);
      if (prevClose === undefined || prevClose > list[i].ms) {
        doubleHolds++;
        fail(`agent ${byId[agentId]} offered ${list[i].callId} while still holding ${list[i - 1].callId}`);
      }
    }
  }

  // 3. recovery never overridden: after a hostile call ends, its agent gets no offer for the rest of the run,
  // and Shiftwell shows the agent in recovery
  const hostile = answered.filter((l) => l.rest[1] === '1');
  if (expected.hostile !== undefined && hostile.length !== expected.hostile) {
    fail(`${hostile.length} hostile calls answered, expected ${expected.hostile}`);
  }
  for (const h of hostile) {
    const end = ended.find((e) => e.callId === h.callId);
    const later = offers.filter((o) => o.agentId === h.agentId && end && o.ms > end.ms);
    if (later.length) fail(`agent ${byId[h.agentId]} offered ${later.length} calls during recovery`);
    const p = await call('GET', `/v1/agents/${h.agentId}/presence`, { key });
    if (p.body?.state !== 'recovery') {
      fail(`agent ${byId[h.agentId]} is ${p.body?.state} after a hostile call, expected recovery`);
    }
  }

  // 4. the phone nobody picks up: rejected with no_answer three times in a row, then Shiftwell takes the agent out
  if (setupInfo.hasQueue) {
    const silent = setupInfo.agents[NO_ANSWER];
    const noAnswers = agentFailed.filter((l) => l.agentId === silent && l.rest[1] === 'no_answer').length;
    const offered = offers.filter((o) => o.agentId === silent).length;
    const p = await call('GET', `/v1/agents/${silent}/presence`, { key });
    if (noAnswers !== 3 || offered !== 3 || p.body?.state !== 'not_ready' || p.body?.reason !== 'missed_calls') {
      fail(
        `agent ${NO_ANSWER} (never answers): ${offered} offers, ${noAnswers} no_answer rejects, now ` +
          `${p.body?.state}/${p.body?.reason}; expected 3, 3, not_ready/missed_calls`,
      );
    }
  }

  // 5. Shiftwell counted the same answered calls per agent as the router
  const load = await must('GET', `/v1/teams/${setupInfo.teamId}/load`, { token }, 200);
  const routerCount = new Map();
  for (const a of answered) routerCount.set(a.agentId, (routerCount.get(a.agentId) ?? 0) + 1);
  let serviceTotal = 0;
  for (const a of load.agents) {
    serviceTotal += a.callsAnswered;
    if (a.callsAnswered !== (routerCount.get(a.agentId) ?? 0)) {
      fail(`agent ${a.externalId}: Shiftwell counts ${a.callsAnswered} calls, the router ${routerCount.get(a.agentId) ?? 0}`);
    }
  }
  const alerts = await call('GET', `/v1/wellbeing/alerts?teamId=${setupInfo.teamId}&includeAcknowledged=true`, { token });
  const breaches = (alerts.body?.alerts ?? []).filter((a) => /breach|protected/.test(a.kind));
  if (breaches.length) fail(`${breaches.length} alerts of routing during protected time`);

  // figures: set-up latency the router added (INVITE in -> INVITE out to the agent) for calls offered at once,
  // and the accept + call.answered round trip on the 200 OK
  const firstStatus = new Map(of('queue').map((l) => [l.callId, l.rest[1]]));
  const seen = new Set();
  const immediate = [];
  for (const o of offers) {
    if (seen.has(o.callId)) continue;
    seen.add(o.callId);
    if (!setupInfo.hasQueue || firstStatus.get(o.callId) === 'offered') {
      if (!setupInfo.hasQueue && Number(o.rest[0]) > 1000) continue; // waited for a retry
      immediate.push(Number(o.rest[0]));
    }
  }
  const answerCost = answered.map((l) => Number(l.rest[0]));
  const queuedFirst = [...firstStatus.values()].filter((s) => s === 'queued').length;
  const rejects = agentFailed.length;

  console.log('--- Kamailio example: summary');
  console.log(`mode                          ${setupInfo.hasQueue ? 'queue (POST /v1/routing/calls + long-poll)' : 'reservations + retry'}`);
  console.log(`calls answered / ended        ${answeredCalls.size} / ${endedCalls.size}`);
  console.log(`queued first, then offered    ${queuedFirst}`);
  const reasons = {};
  for (const l of agentFailed) reasons[l.rest[1]] = (reasons[l.rest[1]] ?? 0) + 1;
  console.log(`offers rejected by phones     ${rejects} ${JSON.stringify(reasons)}`);
  console.log(`abandoned / unroutable        ${abandoned.length} / ${unroutable.length}`);
  console.log(`hostile calls -> recovery     ${hostile.length}`);
  console.log(`Shiftwell's answered count    ${serviceTotal}`);
  console.log(`ended by resync after restart ${endedByResync}`);
  console.log(`double holds                  ${doubleHolds}`);
  if (retried.length) {
    const kinds = {};
    for (const l of retried) {
      const k = `${l.kind === 'error' ? l.rest.join('|').split(' answered ')[0] : l.kind} ${l.kind === 'error' ? l.rest.join('|').split(' answered ')[1]?.split(':')[0] : l.rest[0]}`;
      kinds[k] = (kinds[k] ?? 0) + 1;
    }
    console.log(`router requests that failed   ${retried.length} (retried or not needed): ${JSON.stringify(kinds)}`);
  }
  console.log(
    `added set-up latency ms       p50 ${percentile(immediate, 50)} / p90 ${percentile(immediate, 90)} (n=${immediate.length}, INVITE in -> out to agent)`,
  );
  console.log(
    `200 OK held for accept+event  p50 ${percentile(answerCost, 50)} / p90 ${percentile(answerCost, 90)} ms`,
  );
  if (failures.length) {
    console.log(`FAILED (${failures.length}):`);
    for (const f of failures.slice(0, 30)) console.log(`  - ${f}`);
    process.exit(1);
  }
  console.log('OK: every call routed, no agent held twice, recovery never overridden');
}

try {
  if (command === 'setup') await setup();
  else if (command === 'check') await check();
  else {
    console.error('usage: scenario.mjs setup|check <workdir>');
    process.exit(2);
  }
} catch (e) {
  console.error(`scenario ${command}: ${e.message}`);
  process.exit(1);
}
