import { MigrationInterface, QueryRunner } from "typeorm";

export class Autocheck1795807641821 implements MigrationInterface {
    name = 'Autocheck1795807641821'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "recording_auto_checks" (
                "recordingId" uuid NOT NULL,
                "checklistVersionId" uuid NOT NULL,
                "results" jsonb NOT NULL,
                "failedCodes" character varying(32) array NOT NULL,
                "transcriptUpdatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
                "checkedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d4dfaf8e2e41ce235f0622cb196" PRIMARY KEY ("recordingId", "checklistVersionId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recording_auto_checks_version" ON "recording_auto_checks" ("checklistVersionId")
        `);
        await queryRunner.query(`
            CREATE TABLE "autocheck_runs" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "checklistVersionId" uuid NOT NULL,
                "reason" character varying(16) NOT NULL,
                "total" integer NOT NULL DEFAULT '0',
                "done" integer NOT NULL DEFAULT '0',
                "status" character varying(16) NOT NULL DEFAULT 'running',
                "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finishedAt" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_0c96e6f23ae49091964d977f53b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "recording_auto_checks"
            ADD CONSTRAINT "FK_ea1585b9d6c89a5c05d1c625767" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "recording_auto_checks" DROP CONSTRAINT "FK_ea1585b9d6c89a5c05d1c625767"
        `);
        await queryRunner.query(`
            DROP TABLE "autocheck_runs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recording_auto_checks_version"
        `);
        await queryRunner.query(`
            DROP TABLE "recording_auto_checks"
        `);
    }

}
