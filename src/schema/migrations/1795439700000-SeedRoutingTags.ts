import { MigrationInterface, QueryRunner } from 'typeorm';

/** The contract's starting catalog of dialects and skills. */
const SEED: Array<[tag: string, kind: 'dialect' | 'skill', label: string]> = [
  ['cmn', 'dialect', 'Putonghua'],
  ['cmn-x-wuhan', 'dialect', 'Wuhan'],
  ['cmn-x-sichuan', 'dialect', 'Sichuanese'],
  ['yue', 'dialect', 'Cantonese'],
  ['wuu', 'dialect', 'Shanghainese/Wu'],
  ['nan', 'dialect', 'Minnan'],
  ['en', 'dialect', 'English'],
  ['elder-care', 'skill', 'Elder care'],
  ['returns', 'skill', 'Returns'],
  ['billing', 'skill', 'Billing'],
  ['complaints', 'skill', 'Complaints'],
];

export class SeedRoutingTags1795439700000 implements MigrationInterface {
  name = 'SeedRoutingTags1795439700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [tag, kind, label] of SEED) {
      await queryRunner.query(
        'INSERT INTO routing_tags (tag, kind, label) VALUES ($1, $2, $3) ON CONFLICT (tag) DO NOTHING',
        [tag, kind, label],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM routing_tags WHERE tag = ANY($1)', [
      SEED.map(([tag]) => tag),
    ]);
  }
}
