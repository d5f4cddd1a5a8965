import { MigrationInterface, QueryRunner } from "typeorm";

export class Sampling1795808214944 implements MigrationInterface {
    name = 'Sampling1795808214944'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "sampling_plans" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "projectId" uuid NOT NULL,
                "effectiveFrom" date NOT NULL,
                "rules" jsonb NOT NULL,
                "updatedBy" uuid,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9eb118ca7c8840539e7e304df9b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sampling_plans_project_from" ON "sampling_plans" ("projectId", "effectiveFrom")
        `);
        await queryRunner.query(`
            CREATE TABLE "sampling_runs" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "projectId" uuid NOT NULL,
                "date" date NOT NULL,
                "seed" bigint NOT NULL,
                "rules" jsonb NOT NULL,
                "candidates" integer NOT NULL,
                "createdBy" uuid,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4c25a6f2666690eb608e674e2bf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sampling_runs_project_date" ON "sampling_runs" ("projectId", "date")
        `);
        await queryRunner.query(`
            CREATE TABLE "sampling_assignments" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "runId" uuid,
                "recordingId" uuid NOT NULL,
                "inspectorId" uuid NOT NULL,
                "agentId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "date" date NOT NULL,
                "reason" character varying(48) NOT NULL,
                "source" character varying(16) NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_de615224414a621a7c8c3231946" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sampling_assignments_recording" ON "sampling_assignments" ("recordingId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sampling_assignments_run" ON "sampling_assignments" ("runId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sampling_assignments_inspector" ON "sampling_assignments" ("inspectorId", "date")
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_plans"
            ADD CONSTRAINT "FK_36a05d3e42a10497759b70e5264" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments"
            ADD CONSTRAINT "FK_5f5d049957e1d42f7488dfb6ee3" FOREIGN KEY ("runId") REFERENCES "sampling_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments"
            ADD CONSTRAINT "FK_0b65be67e35163a743912399014" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments" DROP CONSTRAINT "FK_0b65be67e35163a743912399014"
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments" DROP CONSTRAINT "FK_5f5d049957e1d42f7488dfb6ee3"
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_plans" DROP CONSTRAINT "FK_36a05d3e42a10497759b70e5264"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sampling_assignments_inspector"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sampling_assignments_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sampling_assignments_recording"
        `);
        await queryRunner.query(`
            DROP TABLE "sampling_assignments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sampling_runs_project_date"
        `);
        await queryRunner.query(`
            DROP TABLE "sampling_runs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_sampling_plans_project_from"
        `);
        await queryRunner.query(`
            DROP TABLE "sampling_plans"
        `);
    }

}
