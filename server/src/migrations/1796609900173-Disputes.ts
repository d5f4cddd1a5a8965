import { MigrationInterface, QueryRunner } from "typeorm";

export class Disputes1796609900173 implements MigrationInterface {
    name = 'Disputes1796609900173'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "evaluation_acknowledgements" (
                "evaluationId" uuid NOT NULL,
                "userId" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_44388773de88c8683fb808b43ca" PRIMARY KEY ("evaluationId")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "disputes" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "evaluationId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "inspectorId" uuid NOT NULL,
                "raisedBy" uuid NOT NULL,
                "status" character varying(24) NOT NULL,
                "raisedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "raisedDate" date NOT NULL,
                CONSTRAINT "PK_3c97580d01c1a4b0b345c42a107" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_disputes_team_status" ON "disputes" ("teamId", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_disputes_inspector_status" ON "disputes" ("inspectorId", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_disputes_project_date" ON "disputes" ("projectId", "raisedDate")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_disputes_evaluation" ON "disputes" ("evaluationId")
        `);
        await queryRunner.query(`
            CREATE TABLE "dispute_items" (
                "disputeId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "position" smallint NOT NULL,
                "reason" text NOT NULL,
                "fromVerdict" character varying(4) NOT NULL,
                "toVerdict" character varying(4) NOT NULL,
                "inspectorDecision" character varying(8),
                "inspectorReason" text,
                "escalated" boolean NOT NULL DEFAULT false,
                "ruling" character varying(8),
                "rulingReason" text,
                "outcome" character varying(8) NOT NULL DEFAULT 'pending',
                CONSTRAINT "PK_425480f231e6cc5ca8cf2876ab5" PRIMARY KEY ("disputeId", "code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "dispute_steps" (
                "id" BIGSERIAL NOT NULL,
                "disputeId" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid NOT NULL,
                "action" character varying(16) NOT NULL,
                "reason" text,
                "items" jsonb NOT NULL DEFAULT '[]',
                CONSTRAINT "PK_86294b81eeb379a6f9e285fc439" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dispute_steps_dispute" ON "dispute_steps" ("disputeId", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD "disputeWindowDays" smallint NOT NULL DEFAULT '7'
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_acknowledgements"
            ADD CONSTRAINT "FK_44388773de88c8683fb808b43ca" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_acknowledgements"
            ADD CONSTRAINT "FK_2787ca41ebe7d44125522db80a6" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "disputes"
            ADD CONSTRAINT "FK_a2533da8c23085087b4ac09acf7" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "disputes"
            ADD CONSTRAINT "FK_5a6f52453994f5b71258623f811" FOREIGN KEY ("raisedBy") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "dispute_items"
            ADD CONSTRAINT "FK_df9fc2c8bc48ae7ac7fd7cb78ac" FOREIGN KEY ("disputeId") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "dispute_steps"
            ADD CONSTRAINT "FK_0592ecf813957787a3e8d3d0b1c" FOREIGN KEY ("disputeId") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "dispute_steps"
            ADD CONSTRAINT "FK_8f8cd0d441673f30f805d21cd4e" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "dispute_steps" DROP CONSTRAINT "FK_8f8cd0d441673f30f805d21cd4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "dispute_steps" DROP CONSTRAINT "FK_0592ecf813957787a3e8d3d0b1c"
        `);
        await queryRunner.query(`
            ALTER TABLE "dispute_items" DROP CONSTRAINT "FK_df9fc2c8bc48ae7ac7fd7cb78ac"
        `);
        await queryRunner.query(`
            ALTER TABLE "disputes" DROP CONSTRAINT "FK_5a6f52453994f5b71258623f811"
        `);
        await queryRunner.query(`
            ALTER TABLE "disputes" DROP CONSTRAINT "FK_a2533da8c23085087b4ac09acf7"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_acknowledgements" DROP CONSTRAINT "FK_2787ca41ebe7d44125522db80a6"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluation_acknowledgements" DROP CONSTRAINT "FK_44388773de88c8683fb808b43ca"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects" DROP COLUMN "disputeWindowDays"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dispute_steps_dispute"
        `);
        await queryRunner.query(`
            DROP TABLE "dispute_steps"
        `);
        await queryRunner.query(`
            DROP TABLE "dispute_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_disputes_evaluation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_disputes_project_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_disputes_inspector_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_disputes_team_status"
        `);
        await queryRunner.query(`
            DROP TABLE "disputes"
        `);
        await queryRunner.query(`
            DROP TABLE "evaluation_acknowledgements"
        `);
    }

}
