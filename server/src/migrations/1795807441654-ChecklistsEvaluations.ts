import { MigrationInterface, QueryRunner } from "typeorm";

export class ChecklistsEvaluations1795807441654 implements MigrationInterface {
    name = 'ChecklistsEvaluations1795807441654'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."checklist_status" AS ENUM('draft', 'published')
        `);
        await queryRunner.query(`
            CREATE TABLE "checklist_versions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "version" integer NOT NULL,
                "status" "public"."checklist_status" NOT NULL DEFAULT 'draft',
                "sections" jsonb NOT NULL,
                "note" character varying(500),
                "createdBy" uuid,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "publishedAt" TIMESTAMP WITH TIME ZONE,
                "publishedBy" uuid,
                CONSTRAINT "PK_49ac7f1b37b4c1d5527e69943a7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_checklist_versions_version" ON "checklist_versions" ("version")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."evaluation_status" AS ENUM('draft', 'submitted')
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluations" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "recordingId" uuid NOT NULL,
                "agentId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "inspectorId" uuid NOT NULL,
                "checklistVersionId" uuid NOT NULL,
                "source" character varying(16) NOT NULL,
                "status" "public"."evaluation_status" NOT NULL DEFAULT 'draft',
                "revision" integer NOT NULL DEFAULT '1',
                "score" real,
                "fatal" boolean,
                "earned" real,
                "possible" real,
                "comment" text,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "submittedAt" TIMESTAMP WITH TIME ZONE,
                "submittedDate" date,
                CONSTRAINT "PK_f683b433eba0e6dae7e19b29e29" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_evaluations_open_draft" ON "evaluations" ("recordingId", "inspectorId")
            WHERE "status" = 'draft'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_recording" ON "evaluations" ("recordingId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_project_date" ON "evaluations" ("projectId", "submittedDate")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_agent_date" ON "evaluations" ("agentId", "submittedDate")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_team_date" ON "evaluations" ("teamId", "submittedDate")
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_items" (
                "evaluationId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "position" smallint NOT NULL,
                "points" real NOT NULL,
                "critical" boolean NOT NULL,
                "verdict" character varying(4),
                "earned" real,
                "comment" text,
                "at" real,
                "until" real,
                "autoVerdict" character varying(4),
                CONSTRAINT "PK_4b901c8631bd012408402b7f0f2" PRIMARY KEY ("evaluationId", "code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "evaluation_history" (
                "id" BIGSERIAL NOT NULL,
                "evaluationId" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid NOT NULL,
                "username" character varying(64) NOT NULL,
                "action" character varying(32) NOT NULL,
                "reason" text,
                "change" jsonb,
                CONSTRAINT "PK_211ba7c252badb17b4e9de950b8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluation_history_evaluation" ON "evaluation_history" ("evaluationId", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD CONSTRAINT "FK_cdd23c887e2342e9297c3397d2c" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD CONSTRAINT "FK_b54af87a9d25f80f6c9975b4a67" FOREIGN KEY ("inspectorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD CONSTRAINT "FK_b70a768f48ddf11fac9b7cc7633" FOREIGN KEY ("checklistVersionId") REFERENCES "checklist_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_items"
            ADD CONSTRAINT "FK_9ac5a43efd1509a33fd824b3586" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_history"
            ADD CONSTRAINT "FK_82254795356ee2e25037bfc8cd2" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "evaluation_history" DROP CONSTRAINT "FK_82254795356ee2e25037bfc8cd2"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_items" DROP CONSTRAINT "FK_9ac5a43efd1509a33fd824b3586"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP CONSTRAINT "FK_b70a768f48ddf11fac9b7cc7633"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP CONSTRAINT "FK_b54af87a9d25f80f6c9975b4a67"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP CONSTRAINT "FK_cdd23c887e2342e9297c3397d2c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluation_history_evaluation"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_history"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_team_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_agent_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_project_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_recording"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_evaluations_open_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."evaluation_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_checklist_versions_version"
        `);
        await queryRunner.query(`
            DROP TABLE "checklist_versions"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."checklist_status"
        `);
    }

}
