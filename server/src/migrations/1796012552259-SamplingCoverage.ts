import { MigrationInterface, QueryRunner } from "typeorm";

export class SamplingCoverage1796012552259 implements MigrationInterface {
    name = 'SamplingCoverage1796012552259'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sampling_assignments_recording"
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_runs"
            ADD "uncovered" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sampling_assignments_recording_source" ON "sampling_assignments" ("recordingId", "source")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sampling_assignments_recording_source"
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_runs" DROP COLUMN "uncovered"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sampling_assignments_recording" ON "sampling_assignments" USING btree ("recordingId")
        `);
    }

}
