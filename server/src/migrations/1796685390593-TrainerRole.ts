import { MigrationInterface, QueryRunner } from "typeorm";

export class TrainerRole1796685390593 implements MigrationInterface {
    name = 'TrainerRole1796685390593'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TYPE "public"."user_role"
            ADD VALUE 'trainer'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."user_role_old" AS ENUM(
                'admin',
                'supervisor',
                'inspector',
                'team_lead',
                'faq_maintainer'
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ALTER COLUMN "roles" TYPE "public"."user_role_old" [] USING "roles"::"text"::"public"."user_role_old" []
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            ALTER TYPE "public"."user_role_old"
            RENAME TO "user_role"
        `);
    }

}
