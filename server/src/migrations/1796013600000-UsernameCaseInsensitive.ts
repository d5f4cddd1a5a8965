import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Usernames are case-insensitive (`Admin` and `admin` are one user): a unique index on lower(username). */
export class UsernameCaseInsensitive1796013600000 implements MigrationInterface {
  name = 'UsernameCaseInsensitive1796013600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const clashes: { name: string; usernames: string[] }[] = await queryRunner.query(
      `SELECT lower(username) AS name, array_agg(username ORDER BY username) AS usernames FROM users GROUP BY lower(username) HAVING count(*) > 1`,
    );
    if (clashes.length) {
      const list = clashes.map((c) => c.usernames.join(' = ')).join('; ');
      throw new Error(`Usernames are now case-insensitive, but these users differ only in case: ${list}. Rename all but one of each in the users table, then start again.`);
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_username_lower" ON "users" (lower("username"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_users_username_lower"`);
  }
}
