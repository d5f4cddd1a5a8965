import { MigrationInterface, QueryRunner } from "typeorm";

export class Rectification1796007177039 implements MigrationInterface {
    name = 'Rectification1796007177039'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "rectification_notices" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "teamId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "codes" character varying(32) array NOT NULL,
                "evaluationIds" uuid array NOT NULL DEFAULT '{}',
                "actions" text NOT NULL,
                "deadline" date NOT NULL,
                "recheckFrom" date NOT NULL,
                "status" character varying(16) NOT NULL,
                "actionPlan" text,
                "revision" integer NOT NULL DEFAULT '1',
                "issuedBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f27b4fc8737b8039b96372ef196" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rectification_notices_team" ON "rectification_notices" ("teamId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rectification_notices_project_status" ON "rectification_notices" ("projectId", "status")
        `);
        await queryRunner.query(`
            CREATE TABLE "rectification_notice_history" (
                "id" BIGSERIAL NOT NULL,
                "noticeId" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid,
                "action" character varying(16) NOT NULL,
                "fromStatus" character varying(16),
                "toStatus" character varying(16) NOT NULL,
                "note" text,
                CONSTRAINT "PK_6384e7fef94de65980197210fb1" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_rectification_notice_history_notice" ON "rectification_notice_history" ("noticeId", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "rectification_notices"
            ADD CONSTRAINT "FK_9d82312c5bacca0010b01a6767a" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "rectification_notice_history"
            ADD CONSTRAINT "FK_33f3b46f6289eff4d007b7c1853" FOREIGN KEY ("noticeId") REFERENCES "rectification_notices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "rectification_notice_history" DROP CONSTRAINT "FK_33f3b46f6289eff4d007b7c1853"
        `);
        await queryRunner.query(`
            ALTER TABLE "rectification_notices" DROP CONSTRAINT "FK_9d82312c5bacca0010b01a6767a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rectification_notice_history_notice"
        `);
        await queryRunner.query(`
            DROP TABLE "rectification_notice_history"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rectification_notices_project_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_rectification_notices_team"
        `);
        await queryRunner.query(`
            DROP TABLE "rectification_notices"
        `);
    }

}
