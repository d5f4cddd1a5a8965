import { MigrationInterface, QueryRunner } from "typeorm";

export class KpiSchemes1796683861891 implements MigrationInterface {
    name = 'KpiSchemes1796683861891'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "kpi_schemes" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "projectId" uuid NOT NULL,
                "version" integer NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'draft',
                "fromQuarter" character varying(7) NOT NULL,
                "qaWeight" double precision NOT NULL,
                "parts" jsonb NOT NULL,
                "note" character varying(500),
                "createdBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "publishedBy" uuid,
                "publishedAt" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_346b7781bc290d8065972be847b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_schemes_project_draft" ON "kpi_schemes" ("projectId")
            WHERE "status" = 'draft'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_schemes_project_version" ON "kpi_schemes" ("projectId", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "kpi_part_values" (
                "agentId" uuid NOT NULL,
                "quarter" character varying(7) NOT NULL,
                "part" character varying(32) NOT NULL,
                "value" double precision NOT NULL,
                "updatedBy" uuid,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c4d290265836bca08fc7ae25a4c" PRIMARY KEY ("agentId", "quarter", "part")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_part_values_quarter" ON "kpi_part_values" ("quarter")
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_schemes"
            ADD CONSTRAINT "FK_1be6174266afa6c171b757bb15c" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_part_values"
            ADD CONSTRAINT "FK_466e6377db14c7392c004e84999" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "kpi_part_values" DROP CONSTRAINT "FK_466e6377db14c7392c004e84999"
        `);
        await queryRunner.query(`
            ALTER TABLE "kpi_schemes" DROP CONSTRAINT "FK_1be6174266afa6c171b757bb15c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_part_values_quarter"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_part_values"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_schemes_project_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_schemes_project_draft"
        `);
        await queryRunner.query(`
            DROP TABLE "kpi_schemes"
        `);
    }

}
