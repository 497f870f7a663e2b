/**
 * The physical-limit anchor for the router bench (issue 18): a bare node:http + pg server that runs the
 * service's own statements (imported from src/routing/reservations/routing-statements.ts, the builders the
 * service uses), as named prepared statements on a pool of the same size, and answers the same bodies.
 * What it leaves out on purpose: auth (the service's key check is cached), validation beyond parsing,
 * logging, Nest/Express and the service's retry/409 paths.
 * Run as its own process: PORT, DATABASE_URL, DATABASE_POOL_SIZE (20).
 */
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CONNECT_ON_ACCEPT, QUEUED_CALL_OFFER } from '../src/routing/queue/queue-reactions';
import {
  AVAILABILITY_SESSION_OPTIONS,
  availabilityStatement,
  decideAcceptedSql,
  decideAloneSql,
  holdStatement,
} from '../src/routing/reservations/routing-statements';

// The service's decisions, one statement each, no transaction: an acceptance (with the queue's
// reaction, a no-op for the router's own holds) and a rejection of a hold no queued call waits on.
const DECIDE_ACCEPTED = decideAcceptedSql([CONNECT_ON_ACCEPT]);
const DECIDE_ALONE = decideAloneSql([QUEUED_CALL_OFFER]);

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  application_name: 'shiftwell-anchor',
});
// As in the service (availability-pool.ts): availability on its own connections, generic plans forced.
const availabilityPool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  application_name: 'shiftwell-anchor',
  options: AVAILABILITY_SESSION_OPTIONS,
});
let catalog = new Map<string, string>();

const names = new Map<string, string>();
function prepared(text: string, values: unknown[], client: Pool | import('pg').PoolClient = pool) {
  let name = names.get(text);
  if (!name)
    names.set(text, (name = `sw_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return client.query({ name, text, values });
}

function reservationBody(r: any, status: string): string {
  return JSON.stringify({
    reservationId: r.id,
    callId: r.call_id,
    agentId: r.agent_id,
    externalId: r.external_id,
    ...(r.contact ? { contact: r.contact } : {}),
    expiresAt: new Date(r.expires_at).toISOString(),
    status,
  });
}

function send(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/health') return send(res, 200, '{"status":"ok"}');
  if (req.method === 'GET' && path === '/v1/routing/available-agents') {
    const q = url.searchParams;
    const filter = {
      dialect: q.get('dialect') ?? undefined,
      minProficiency: q.has('minProficiency') ? Number(q.get('minProficiency')) : undefined,
      skills: q.getAll('skill'),
    };
    const { text, values } = availabilityStatement(
      filter,
      Number(q.get('limit') ?? 20),
      new Date(),
      catalog,
    );
    const { rows } = await prepared(text, values, availabilityPool);
    return send(res, 200, rows[0].body);
  }
  if (req.method === 'POST' && path === '/v1/routing/reservations') {
    const body = await readBody(req);
    const { text, values } = holdStatement(body, new Date(), randomUUID());
    const { rows } = await prepared(text, values);
    if (!rows[0].id) return send(res, 409, '{"code":"NO_AGENT_AVAILABLE"}');
    return send(res, 201, reservationBody(rows[0], 'held'));
  }
  const decided = /^\/v1\/routing\/reservations\/([0-9a-f-]{36})\/(accept|reject)$/.exec(path);
  if (req.method === 'POST' && decided) {
    const body = await readBody(req);
    const outcome = decided[2] === 'accept' ? 'accepted' : 'rejected';
    const reason = outcome === 'rejected' ? (body.reason ?? null) : null;
    const { rows } = await prepared(outcome === 'accepted' ? DECIDE_ACCEPTED : DECIDE_ALONE, [
      decided[1],
      outcome,
      new Date(),
      reason === 'no_answer',
      reason,
    ]);
    if (!rows.length) return send(res, 409, '{"code":"RESERVATION_NOT_HELD"}');
    return send(res, 200, reservationBody(rows[0], rows[0].status));
  }
  send(res, 404, '{"code":"NOT_FOUND"}');
}

async function main() {
  const { rows } = await pool.query('SELECT tag, kind FROM routing_tags');
  catalog = new Map(rows.map((r: any) => [r.tag, r.kind]));
  http
    .createServer((req, res) => {
      handle(req, res).catch(() => send(res, 500, '{"code":"INTERNAL"}'));
    })
    .listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
process.on('SIGTERM', () => void pool.end().then(() => process.exit(0)));
