import type { DataSource } from 'typeorm';

/**
 * A test database's change journal: triggers on every public table append the table's name to
 * test_journal.changes when a row is inserted, deleted or updated to different values, or the table
 * is truncated. Asking "did anything change since position p" is then one indexed read, where a
 * checksum of every table per request was most of a fuzzing suite's time. It lives in its own
 * schema, so the public schema (and a snapshot of it) looks as the migrations left it.
 */
export class ChangeJournal {
  private constructor(private readonly dataSource: DataSource) {}

  static async install(dataSource: DataSource, ignore: string[] = []): Promise<ChangeJournal> {
    const tables: Array<{ name: string }> = await dataSource.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const statements = [
      `CREATE SCHEMA test_journal`,
      `CREATE TABLE test_journal.changes (id bigserial PRIMARY KEY, table_name text NOT NULL)`,
      `CREATE FUNCTION test_journal.note_change() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           INSERT INTO test_journal.changes (table_name) VALUES (TG_TABLE_NAME);
           RETURN NULL;
         END $$`,
    ];
    for (const { name } of tables.filter((t) => !ignore.includes(t.name))) {
      statements.push(
        `CREATE TRIGGER test_journal_write AFTER INSERT OR DELETE ON "${name}"
           FOR EACH ROW EXECUTE FUNCTION test_journal.note_change()`,
        `CREATE TRIGGER test_journal_update AFTER UPDATE ON "${name}"
           FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION test_journal.note_change()`,
        `CREATE TRIGGER test_journal_truncate AFTER TRUNCATE ON "${name}"
           FOR EACH STATEMENT EXECUTE FUNCTION test_journal.note_change()`,
      );
    }
    await dataSource.transaction(async (m) => {
      for (const sql of statements) await m.query(sql);
    });
    return new ChangeJournal(dataSource);
  }

  /** The journal's current end; changes after it are those made since. */
  async position(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(max(id), 0)::int AS id FROM test_journal.changes`,
    );
    return row.id;
  }

  /** Names of the tables changed after `position`, sorted. */
  async changedSince(position: number): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await this.dataSource.query(
      `SELECT DISTINCT table_name FROM test_journal.changes WHERE id > $1 ORDER BY table_name`,
      [position],
    );
    return rows.map((r) => r.table_name);
  }
}
