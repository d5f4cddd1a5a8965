import { MigrationInterface, QueryRunner } from "typeorm";

export class KpiGradingRequests1796594804928 implements MigrationInterface {
    name = 'KpiGradingRequests1796594804928'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "kpi_grading_requests" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "agentId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "from" date NOT NULL,
                "to" date NOT NULL,
                "requestedBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_30e650d55ff9591e2fba16980ea" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_grading_requests_project_dates" ON "kpi_grading_requests" ("projectId", "from", "to")
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_grading_requests"
            ADD CONSTRAINT "FK_79bb582a95d92bc0c120976e5c6" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "kpi_grading_requests" DROP CONSTRAINT "FK_79bb582a95d92bc0c120976e5c6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_grading_requests_project_dates"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_grading_requests"
        `);
    }

}
