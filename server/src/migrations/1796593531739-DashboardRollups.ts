import { MigrationInterface, QueryRunner } from "typeorm";

export class DashboardRollups1796593531739 implements MigrationInterface {
    name = 'DashboardRollups1796593531739'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "auto_check_days" (
                "teamId" uuid NOT NULL,
                "callDate" date NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "results" integer NOT NULL,
                "calls" integer NOT NULL,
                "failures" integer NOT NULL,
                CONSTRAINT "PK_4d51694e3c8819985e32bbb827a" PRIMARY KEY ("teamId", "callDate", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_auto_check_days_project_day" ON "auto_check_days" ("projectId", "callDate")
        `);
        await queryRunner.query(`
            CREATE TABLE "score_agent_days" (
                "agentId" uuid NOT NULL,
                "callDate" date NOT NULL,
                "teamId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "scored" integer NOT NULL,
                "evaluated" integer NOT NULL,
                "failures" integer NOT NULL,
                "fatal" integer NOT NULL,
                "scoreSum" double precision NOT NULL,
                "scoreSquares" double precision NOT NULL,
                CONSTRAINT "PK_1500a414d8b5ce61215d78ee543" PRIMARY KEY ("agentId", "callDate", "teamId", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_agent_days_team_day" ON "score_agent_days" ("teamId", "callDate")
        `);
        await queryRunner.query(`
            CREATE TABLE "score_team_days" (
                "teamId" uuid NOT NULL,
                "callDate" date NOT NULL,
                "code" character varying(32) NOT NULL,
                "projectId" uuid NOT NULL,
                "scored" integer NOT NULL,
                "evaluated" integer NOT NULL,
                "failures" integer NOT NULL,
                "fatal" integer NOT NULL,
                "scoreSum" double precision NOT NULL,
                "scoreSquares" double precision NOT NULL,
                CONSTRAINT "PK_c0a323f43b32028dd325b8e0cb9" PRIMARY KEY ("teamId", "callDate", "code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_score_team_days_project_day" ON "score_team_days" ("projectId", "callDate")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspector_days" (
                "inspectorId" uuid NOT NULL,
                "callDate" date NOT NULL,
                "projectId" uuid NOT NULL,
                "submittedDate" date NOT NULL,
                "evaluations" integer NOT NULL,
                "fatal" integer NOT NULL,
                "scoreSum" double precision NOT NULL,
                "scoreSquares" double precision NOT NULL,
                "amended" integer NOT NULL,
                "workSeconds" double precision array NOT NULL,
                "callSeconds" double precision array NOT NULL,
                CONSTRAINT "PK_4fb511056ce34c682181be418c7" PRIMARY KEY (
                    "inspectorId",
                    "callDate",
                    "projectId",
                    "submittedDate"
                )
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_inspector_days_project_day" ON "inspector_days" ("projectId", "callDate")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_inspector_call_date" ON "evaluations" ("inspectorId", "callDate")
        `);
        // The roll-ups of what is already there: the evaluations and every call's latest check.
        await queryRunner.query(`
            INSERT INTO "score_agent_days" ("agentId", "callDate", "teamId", code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
            SELECT e."agentId", e."callDate", e."teamId", '', e."projectId", count(*), count(*), sum(x.failed), count(*) FILTER (WHERE e.fatal), sum(s.score), sum(s.score * s.score)
              FROM evaluations e
              CROSS JOIN LATERAL (SELECT (CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS score) s
              CROSS JOIN LATERAL (SELECT count(*)::int AS failed FROM evaluation_items i WHERE i."evaluationId" = e.id AND i.verdict = 'fail') x
             WHERE e.status = 'submitted' AND e.source <> 'calibration'
             GROUP BY e."agentId", e."callDate", e."teamId", e."projectId"
            UNION ALL
            SELECT e."agentId", e."callDate", e."teamId", i.code, e."projectId", count(*), count(*) FILTER (WHERE i.verdict <> 'na'), count(*) FILTER (WHERE i.verdict = 'fail'), 0, 0, 0
              FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict IS NOT NULL
             WHERE e.status = 'submitted' AND e.source <> 'calibration'
             GROUP BY e."agentId", e."callDate", e."teamId", i.code, e."projectId"
        `);
        await queryRunner.query(`
            INSERT INTO "score_team_days" ("teamId", "callDate", code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
            SELECT "teamId", "callDate", code, "projectId", sum(scored), sum(evaluated), sum(failures), sum(fatal), sum("scoreSum"), sum("scoreSquares")
              FROM score_agent_days GROUP BY 1, 2, 3, 4
        `);
        await queryRunner.query(`
            INSERT INTO "inspector_days" ("inspectorId", "callDate", "projectId", "submittedDate", evaluations, fatal, "scoreSum", "scoreSquares", amended, "workSeconds", "callSeconds")
            SELECT e."inspectorId", e."callDate", e."projectId", e."submittedDate", count(*), count(*) FILTER (WHERE e.fatal), sum(s.score), sum(s.score * s.score),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'amended')),
                   coalesce(array_agg(extract(epoch FROM e."submittedAt" - e."createdAt")::float8 ORDER BY e.id)
                            FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'created')), '{}'),
                   array_agg(r."durationSeconds"::float8 ORDER BY e.id)
              FROM evaluations e JOIN recordings r ON r.id = e."recordingId"
              CROSS JOIN LATERAL (SELECT (CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS score) s
             WHERE e.status = 'submitted' AND e.source <> 'calibration'
             GROUP BY e."inspectorId", e."callDate", e."projectId", e."submittedDate"
        `);
        await queryRunner.query(`
            INSERT INTO "auto_check_days" ("teamId", "callDate", code, "projectId", results, calls, failures)
            SELECT r."teamId", r."localDate", v.code, r."projectId", count(*), count(*) FILTER (WHERE v.verdict <> 'na'), count(*) FILTER (WHERE v.verdict = 'fail')
              FROM (SELECT DISTINCT ON ("recordingId") "recordingId", results FROM recording_auto_checks
                     ORDER BY "recordingId", "checkedAt" DESC, "checklistVersionId" DESC) latest
              JOIN recordings r ON r.id = latest."recordingId"
              CROSS JOIN LATERAL jsonb_to_recordset(latest.results) AS v(code text, verdict text)
             GROUP BY 1, 2, 3, 4
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_inspector_call_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_inspector_days_project_day"
        `);
        await queryRunner.query(`
            DROP TABLE "inspector_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_team_days_project_day"
        `);
        await queryRunner.query(`
            DROP TABLE "score_team_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_score_agent_days_team_day"
        `);
        await queryRunner.query(`
            DROP TABLE "score_agent_days"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_auto_check_days_project_day"
        `);
        await queryRunner.query(`
            DROP TABLE "auto_check_days"
        `);
    }

}
