import { publishFromRows } from './events.service';

describe('publishFromRows', () => {
  const part = () =>
    publishFromRows('connected', {
      type: 'call.connected',
      audience: ['agent', 'router'],
      payload: `jsonb_build_object('callId', call_id)`,
      at: '$3::timestamptz',
    });

  it('inserts one event per source row and gives the final SELECT the notification to read', () => {
    const { ctes, read } = part();
    expect(ctes).toContain('FROM connected');
    expect(ctes).toContain(`ARRAY['agent','router']::text[]`);
    expect(ctes).toMatch(/connected_notified AS \(SELECT pg_notify/);
    expect(read).toBe('(SELECT count(*) FROM connected_notified)');
  });

  it('refuses a type, audience or source that is not a plain SQL word', () => {
    for (const bad of [
      { source: 'x; DROP TABLE events', type: 'call.connected', audience: ['agent'] },
      { source: 'x', type: "call'); DELETE FROM events; --", audience: ['agent'] },
      { source: 'x', type: 'call.connected', audience: ["agent']"] },
    ])
      expect(() =>
        publishFromRows(bad.source, {
          type: bad.type,
          audience: bad.audience as never,
          payload: 'null',
          at: 'now()',
        }),
      ).toThrow(/not an SQL word/);
  });
});
