import { MigrationInterface, QueryRunner } from "typeorm";

export class Kpi1796594128465 implements MigrationInterface {
    name = 'Kpi1796594128465'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "kpi_operational_days" (
                "agentId" uuid NOT NULL,
                "date" date NOT NULL,
                "calls" integer NOT NULL,
                "hours" double precision NOT NULL,
                "successes" integer NOT NULL,
                "updatedBy" uuid,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ed98aaad5af2f82d84b3c6a7f76" PRIMARY KEY ("agentId", "date")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_operational_days_date" ON "kpi_operational_days" ("date")
        `);
        await queryRunner.query(`
            CREATE TABLE "kpi_grade_tables" (
                "version" SERIAL NOT NULL,
                "fromQuarter" character varying(7) NOT NULL,
                "grades" jsonb NOT NULL,
                "createdBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dd7a4c4b599dddb09c0f32ac6f4" PRIMARY KEY ("version")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_grade_tables_from_quarter" ON "kpi_grade_tables" ("fromQuarter")
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_operational_days"
            ADD CONSTRAINT "FK_084a5b363152f0898ccbe28632a" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "kpi_operational_days" DROP CONSTRAINT "FK_084a5b363152f0898ccbe28632a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_grade_tables_from_quarter"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_grade_tables"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_operational_days_date"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_operational_days"
        `);
    }

}
