import { MigrationInterface, QueryRunner } from "typeorm";

export class ProblemsReport1796007314987 implements MigrationInterface {
    name = 'ProblemsReport1796007314987'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "problem_settings" (
                "projectId" uuid NOT NULL,
                "minAgents" integer NOT NULL,
                "minShare" double precision NOT NULL,
                "updatedBy" uuid,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9df73eb6fdbd3535f6bdecae751" PRIMARY KEY ("projectId")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "problem_plans" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "teamId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "period" character varying(8) NOT NULL,
                "periodStart" date NOT NULL,
                "text" text NOT NULL,
                "owner" character varying(64) NOT NULL,
                "due" date NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "updatedBy" uuid NOT NULL,
                "updatedByName" character varying(64) NOT NULL,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8528eea7e8f215d906b5f0610da" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_problem_plans_team_code_period" ON "problem_plans" ("teamId", "code", "period", "periodStart")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_project_call_date" ON "evaluations" ("projectId", "callDate")
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_settings"
            ADD CONSTRAINT "FK_9df73eb6fdbd3535f6bdecae751" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_plans"
            ADD CONSTRAINT "FK_474e8ce4a122f800421cd86da5f" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "problem_plans" DROP CONSTRAINT "FK_474e8ce4a122f800421cd86da5f"
        `);
        await queryRunner.query(`
            ALTER TABLE "problem_settings" DROP CONSTRAINT "FK_9df73eb6fdbd3535f6bdecae751"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_project_call_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_problem_plans_team_code_period"
        `);
        await queryRunner.query(`
            DROP TABLE "problem_plans"
        `);
        await queryRunner.query(`
            DROP TABLE "problem_settings"
        `);
    }

}
