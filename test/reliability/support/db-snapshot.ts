import type { DataSource } from 'typeorm';

/** Row count and content checksum of every table in the public schema (small test databases only). */
export async function snapshotTables(
  dataSource: DataSource,
  ignore: string[] = [],
): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const wanted = tables.map((t) => t.name).filter((n) => !ignore.includes(n));
  if (wanted.length === 0) return {};
  const sql = wanted
    .map(
      (n) =>
        `SELECT '${n}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(t::text, '' ORDER BY t::text)), '') AS sum FROM "${n}" t`,
    )
    .join(' UNION ALL ');
  const rows: Array<{ name: string; sum: string }> = await dataSource.query(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** Tables whose checksum differs between two snapshots. */
export function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]).sort();
}
