import { MigrationInterface, QueryRunner } from "typeorm";

export class KpiPromotions1796596232062 implements MigrationInterface {
    name = 'KpiPromotions1796596232062'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "kpi_exams" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "agentId" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "date" date NOT NULL,
                "score" double precision NOT NULL,
                "passed" boolean NOT NULL,
                "recordedBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_356d4f49cb0f1719adb108ee858" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_exams_agent" ON "kpi_exams" ("agentId", "kind")
        `);
        await queryRunner.query(`
            CREATE TABLE "kpi_promotions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "agentId" uuid NOT NULL,
                "fromGrade" "public"."agent_grade" NOT NULL,
                "toGrade" "public"."agent_grade" NOT NULL,
                "quarter" character varying(7) NOT NULL,
                "reason" text,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "approverIds" uuid array NOT NULL,
                "approvedSteps" integer NOT NULL DEFAULT '0',
                "appliedBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "effectiveOn" date,
                CONSTRAINT "PK_8f97aac2cd78a8dc6704de366bf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_promotions_pending_agent" ON "kpi_promotions" ("agentId")
            WHERE "status" = 'pending'
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_promotions_agent" ON "kpi_promotions" ("agentId")
        `);
        await queryRunner.query(`
            CREATE TABLE "kpi_promotion_decisions" (
                "id" BIGSERIAL NOT NULL,
                "promotionId" uuid NOT NULL,
                "step" integer NOT NULL,
                "userId" uuid NOT NULL,
                "action" character varying(8) NOT NULL,
                "comment" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b59cd651d0515363a18d9ed51ca" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_promotion_decisions_step" ON "kpi_promotion_decisions" ("promotionId", "step")
        `);
        await queryRunner.query(`
            CREATE TABLE "agent_grade_history" (
                "id" BIGSERIAL NOT NULL,
                "agentId" uuid NOT NULL,
                "fromGrade" "public"."agent_grade" NOT NULL,
                "toGrade" "public"."agent_grade" NOT NULL,
                "effectiveOn" date NOT NULL,
                "promotionId" uuid,
                "changedBy" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8925eca52ba38ecccf4ac3d1ee4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_agent_grade_history_agent" ON "agent_grade_history" ("agentId", "effectiveOn")
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_exams"
            ADD CONSTRAINT "FK_074f1f9f398cbe78acb2be34681" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_promotions"
            ADD CONSTRAINT "FK_1435e8129aff55c25491ea7015e" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_promotion_decisions"
            ADD CONSTRAINT "FK_3bd7a7fe62075fe575711c17376" FOREIGN KEY ("promotionId") REFERENCES "kpi_promotions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agent_grade_history"
            ADD CONSTRAINT "FK_e25150219d7ff26549c7eca3ab7" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "agent_grade_history" DROP CONSTRAINT "FK_e25150219d7ff26549c7eca3ab7"
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_promotion_decisions" DROP CONSTRAINT "FK_3bd7a7fe62075fe575711c17376"
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_promotions" DROP CONSTRAINT "FK_1435e8129aff55c25491ea7015e"
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_exams" DROP CONSTRAINT "FK_074f1f9f398cbe78acb2be34681"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_agent_grade_history_agent"
        `);
        await queryRunner.query(`
            DROP TABLE "agent_grade_history"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_promotion_decisions_step"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_promotion_decisions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_promotions_agent"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_promotions_pending_agent"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_promotions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_exams_agent"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_exams"
        `);
    }

}
