import { MigrationInterface, QueryRunner } from "typeorm";

export class UserAllProjects1796013607714 implements MigrationInterface {
    name = 'UserAllProjects1796013607714'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD "allProjects" boolean NOT NULL DEFAULT false
        `);
        // Until now an admin or supervisor bound to nothing saw every project: keep that, now explicit.
        await queryRunner.query(`
            UPDATE "users" u SET "allProjects" = true
             WHERE ('admin' = ANY(u.roles) OR 'supervisor' = ANY(u.roles))
               AND NOT EXISTS (SELECT 1 FROM "user_projects" up WHERE up."userId" = u.id)
               AND NOT EXISTS (SELECT 1 FROM "user_teams" ut WHERE ut."userId" = u.id)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "allProjects"
        `);
    }

}
