import { MigrationInterface, QueryRunner } from "typeorm";

export class DashboardMonths1796595273955 implements MigrationInterface {
    name = 'DashboardMonths1796595273955'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_agent_days_team_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_team_days_project_day"
        `);
        await queryRunner.query(`
            CREATE TABLE "auto_check_months" (
                "teamId" uuid NOT NULL,
                "month" date NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "results" integer NOT NULL,
                "calls" integer NOT NULL,
                "failures" integer NOT NULL,
                CONSTRAINT "PK_14a896210c1c178c232ec372708" PRIMARY KEY ("teamId", "month", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_auto_check_months_project_month" ON "auto_check_months" ("projectId", "month")
        `);
        await queryRunner.query(`
            CREATE TABLE "score_team_months" (
                "teamId" uuid NOT NULL,
                "month" date NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "scored" integer NOT NULL,
                "evaluated" integer NOT NULL,
                "failures" integer NOT NULL,
                "fatal" integer NOT NULL,
                "scoreSum" double precision NOT NULL,
                "scoreSquares" double precision NOT NULL,
                CONSTRAINT "PK_4ec3f7f782a2c8f1e4b246f03cb" PRIMARY KEY ("teamId", "month", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_team_months_project_month" ON "score_team_months" ("projectId", "month")
        `);
        // The inspectors' rows are rebuilt below with the evaluations they count.
        await queryRunner.query(`DELETE FROM "inspector_days"`);
        await queryRunner.query(`
            ALTER TABLE "inspector_days"
            ADD "evaluationIds" uuid array NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_agent_days_team_code_day" ON "score_agent_days" ("teamId", "code", "callDate")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_team_days_project_code_day" ON "score_team_days" ("projectId", "code", "callDate")
        `);
        // The months of what the days already hold, and the inspectors' rows again.
        await queryRunner.query(`
            INSERT INTO "score_team_months" ("teamId", month, code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
            SELECT "teamId", date_trunc('month', "callDate")::date, code, "projectId", sum(scored), sum(evaluated), sum(failures), sum(fatal), sum("scoreSum"), sum("scoreSquares")
              FROM "score_team_days" GROUP BY 1, 2, 3, 4
        `);
        await queryRunner.query(`
            INSERT INTO "auto_check_months" ("teamId", month, code, "projectId", results, calls, failures)
            SELECT "teamId", date_trunc('month', "callDate")::date, code, "projectId", sum(results), sum(calls), sum(failures)
              FROM "auto_check_days" GROUP BY 1, 2, 3, 4
        `);
        await queryRunner.query(`
            INSERT INTO "inspector_days" ("inspectorId", "callDate", "projectId", "submittedDate", evaluations, fatal, "scoreSum", "scoreSquares", amended, "workSeconds", "callSeconds", "evaluationIds")
            SELECT e."inspectorId", e."callDate", e."projectId", e."submittedDate", count(*), count(*) FILTER (WHERE e.fatal), sum(s.score), sum(s.score * s.score),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'amended')),
                   coalesce(array_agg(extract(epoch FROM e."submittedAt" - e."createdAt")::float8 ORDER BY e.id)
                            FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'created')), '{}'),
                   array_agg(r."durationSeconds"::float8 ORDER BY e.id), array_agg(e.id ORDER BY e.id)
              FROM evaluations e JOIN recordings r ON r.id = e."recordingId"
              CROSS JOIN LATERAL (SELECT (CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS score) s
             WHERE e.status = 'submitted' AND e.source <> 'calibration'
             GROUP BY e."inspectorId", e."callDate", e."projectId", e."submittedDate"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_team_days_project_code_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_agent_days_team_code_day"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspector_days" DROP COLUMN "evaluationIds"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_team_months_project_month"
        `);
        await queryRunner.query(`
            DROP TABLE "score_team_months"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_auto_check_months_project_month"
        `);
        await queryRunner.query(`
            DROP TABLE "auto_check_months"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_team_days_project_day" ON "score_team_days" USING btree ("callDate", "projectId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_agent_days_team_day" ON "score_agent_days" USING btree ("callDate", "teamId")
        `);
    }

}
