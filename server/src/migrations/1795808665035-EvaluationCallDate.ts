import { MigrationInterface, QueryRunner } from "typeorm";

export class EvaluationCallDate1795808665035 implements MigrationInterface {
    name = 'EvaluationCallDate1795808665035'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // Existing evaluations take the day of the call they scored (added by hand to the generated migration).
        await queryRunner.query(`ALTER TABLE "evaluations" ADD "callDate" date`);
        await queryRunner.query(`UPDATE "evaluations" e SET "callDate" = r."localDate" FROM "recordings" r WHERE r.id = e."recordingId"`);
        await queryRunner.query(`ALTER TABLE "evaluations" ALTER COLUMN "callDate" SET NOT NULL`);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_agent_call_date" ON "evaluations" ("agentId", "callDate")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_team_call_date" ON "evaluations" ("teamId", "callDate")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_team_call_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_agent_call_date"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP COLUMN "callDate"
        `);
    }

}
