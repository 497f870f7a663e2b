import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  EventsBus,
  SEQUENCE_EVENTS_SQL,
  StreamEvent,
  sequenceEventsParams,
} from '../../src/platform/events/events-bus';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * The live stream's promise: a reader that has seen every event up to seq N never later finds another
 * event at or below N (Last-Event-ID replay and the replicas' readers depend on it). Here writers
 * commit events in overlapping transactions while three sequencer passes race on their own
 * connections, as replicas' sequencers do, and a reader keeps recording what it sees.
 */
describe('events sequencer: one statement, racing passes', () => {
  let url: string;
  let pool: Pool;

  beforeAll(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 12 });
    // pg-pool's end() resolves while its idle clients are still closing; the database dropped right
    // after terminates them, and an idle client's error is re-emitted on the pool (unhandled, it
    // failed the suite in CI after every test had passed).
    pool.on('error', () => undefined);
  });

  afterAll(async () => {
    await pool.end();
    await dropTestDatabase(url);
  });

  it('numbers every committed event once, and nothing appears below a seq a reader has seen', async () => {
    const WRITERS = 5;
    const TRANSACTIONS = 30;
    let writing = true;

    const writer = async (w: number) => {
      for (let i = 0; i < TRANSACTIONS; i++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO events (type, audience, payload, at)
             SELECT 'test.event', '{router}', jsonb_build_object('w', $1::int, 'i', $2::int, 'k', k), now()
               FROM generate_series(1, 1 + ($2::int % 3)) k`,
            [w, i],
          );
          // Hold the transaction open a little so commits interleave with the passes.
          await client.query('SELECT pg_sleep(random() * 0.004)');
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }
    };

    const sequencer = async () => {
      let passes = 0;
      for (;;) {
        // A pass's snapshot is taken when its statement starts, before it waits for the lock, so a
        // pass sent while the last writers were still committing may rightly find nothing; only an
        // empty pass sent after every commit shows the work is done (in the service, each commit's
        // notify starts a fresh pass).
        const sentAfterWrites = !writing;
        const [row] = (await pool.query(SEQUENCE_EVENTS_SQL, sequenceEventsParams())).rows;
        passes++;
        if (sentAfterWrites && row.numbered === 0) return passes;
      }
    };

    // Each observation: the highest seq seen and each numbered id's seq at that moment.
    const observations: Array<{ max: string; seqs: Map<string, string> }> = [];
    const reader = async () => {
      while (writing) {
        const { rows } = await pool.query<{ id: string; seq: string }>(
          `SELECT id::text, seq::text FROM events WHERE seq IS NOT NULL ORDER BY events.seq`,
        );
        if (rows.length)
          observations.push({
            max: rows[rows.length - 1].seq,
            seqs: new Map(rows.map((r) => [r.id, r.seq])),
          });
      }
    };

    const readerDone = reader();
    const sequencers = [sequencer(), sequencer(), sequencer()];
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    const passes = await Promise.all(sequencers);
    await readerDone;

    const { rows: all } = await pool.query<{ id: string; seq: string | null }>(
      `SELECT id::text, seq::text FROM events ORDER BY id`,
    );
    const expected = Array.from(
      { length: WRITERS * TRANSACTIONS },
      (_, i) => 1 + ((i % TRANSACTIONS) % 3),
    ).reduce((a, b) => a + b, 0);
    expect(all).toHaveLength(expected);
    expect(all.every((r) => r.seq !== null)).toBe(true);
    expect(new Set(all.map((r) => r.seq)).size).toBe(all.length);
    expect(passes.every((p) => p > 1)).toBe(true);

    // A seq, once seen, never changes; and nothing was numbered at or below a seq a reader had
    // already seen, after it had seen it.
    expect(observations.length).toBeGreaterThan(3);
    const finalSeq = new Map(all.map((r) => [r.id, r.seq!]));
    for (const seen of observations) {
      const changed = [...seen.seqs].filter(([id, seq]) => finalSeq.get(id) !== seq);
      expect(changed).toEqual([]);
      const late = all.filter((r) => BigInt(r.seq!) <= BigInt(seen.max) && !seen.seqs.has(r.id));
      expect(late).toEqual([]);
    }
  });
});

/**
 * Readers go by the number, not its text: the stream's seq is read as text (a bigint), and ordered
 * by the output column it once sorted "1000" before "999", so a replay crossing a power of ten came
 * out of order and a live reader delivered the same events again on its next pass.
 */
describe('events bus: seq order across a power of ten', () => {
  let url: string;
  let pool: Pool;
  let dataSource: DataSource;
  let bus: EventsBus;

  beforeAll(async () => {
    url = await createTestDatabase();
    pool = new Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    await pool.query(`SELECT setval('events_seq', 994)`);
    dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
    bus = new EventsBus(dataSource);
    await bus.onModuleInit();
  });

  afterAll(async () => {
    await bus.onModuleDestroy();
    await dataSource.destroy();
    await pool.end();
    await dropTestDatabase(url);
  });

  const numbers = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

  it('delivers 995 to 1004 live in that order, each once, and replays them in that order', async () => {
    const delivered: StreamEvent[] = [];
    bus.subscribe((e) => delivered.push(e));

    await pool.query(
      `INSERT INTO events (type, audience, payload, at)
       SELECT 'test.event', '{router}', jsonb_build_object('k', k), now() FROM generate_series(1, 10) k`,
    );
    await pool.query(SEQUENCE_EVENTS_SQL, sequenceEventsParams());
    bus.catchUp();
    const deadline = Date.now() + 5000;
    while (bus.position !== '1004' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));

    expect(delivered.map((e) => e.seq)).toEqual(numbers(995, 1004));
    expect(delivered.map((e) => e.payload.k)).toEqual(numbers(1, 10).map(Number));

    const replayed: string[] = [];
    for await (const e of bus.after('994', '1004')) replayed.push(e.seq);
    expect(replayed).toEqual(numbers(995, 1004));
  });
});
