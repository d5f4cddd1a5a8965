import { MigrationInterface, QueryRunner } from "typeorm";

export class ProblemTotals1796011933516 implements MigrationInterface {
    name = 'ProblemTotals1796011933516'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "problem_days" (
                "agentId" uuid NOT NULL,
                "callDate" date NOT NULL,
                "teamId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "PK_02319d3888446993528a2d98e27" PRIMARY KEY ("agentId", "callDate", "teamId", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_problem_days_project_day" ON "problem_days" ("projectId", "callDate")
        `);
        await queryRunner.query(`
            CREATE TABLE "problem_months" (
                "agentId" uuid NOT NULL,
                "month" date NOT NULL,
                "teamId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "n" integer NOT NULL,
                CONSTRAINT "PK_b6cabc6202ca814f09ba42a5e8a" PRIMARY KEY ("agentId", "month", "teamId", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_problem_months_project_month" ON "problem_months" ("projectId", "month")
        `);
        // The totals of the evaluations already submitted (written by hand: the rest was generated).
        await queryRunner.query(`
            INSERT INTO "problem_days" ("agentId", "callDate", "teamId", "code", "projectId", "n")
            SELECT e."agentId", e."callDate", e."teamId", '', e."projectId", count(*)::int
              FROM "evaluations" e WHERE e."status" = 'submitted' AND e."source" <> 'calibration'
             GROUP BY e."agentId", e."callDate", e."teamId", e."projectId"
            UNION ALL
            SELECT e."agentId", e."callDate", e."teamId", i."code", e."projectId", count(*)::int
              FROM "evaluations" e JOIN "evaluation_items" i ON i."evaluationId" = e."id" AND i."verdict" = 'fail'
             WHERE e."status" = 'submitted' AND e."source" <> 'calibration'
             GROUP BY e."agentId", e."callDate", e."teamId", i."code", e."projectId"
        `);
        await queryRunner.query(`
            INSERT INTO "problem_months" ("agentId", "month", "teamId", "code", "projectId", "n")
            SELECT "agentId", date_trunc('month', "callDate")::date, "teamId", "code", "projectId", sum("n")::int
              FROM "problem_days" GROUP BY 1, 2, 3, 4, 5
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_problem_months_project_month"
        `);
        await queryRunner.query(`
            DROP TABLE "problem_months"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_problem_days_project_day"
        `);
        await queryRunner.query(`
            DROP TABLE "problem_days"
        `);
    }

}
