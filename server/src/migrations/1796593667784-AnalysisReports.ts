import { MigrationInterface, QueryRunner } from "typeorm";

export class AnalysisReports1796593667784 implements MigrationInterface {
    name = 'AnalysisReports1796593667784'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "analysis_reports" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "kind" character varying(8) NOT NULL,
                "projectId" uuid NOT NULL,
                "periodStart" date NOT NULL,
                "periodEnd" date NOT NULL,
                "content" jsonb NOT NULL,
                "generatedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
                "generatedBy" uuid,
                "publishedAt" TIMESTAMP WITH TIME ZONE,
                "publishedBy" uuid,
                CONSTRAINT "PK_57fb44575f3a632424433c8edb4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_analysis_reports_kind_project_period" ON "analysis_reports" ("kind", "projectId", "periodStart")
        `);
        await queryRunner.query(`
            CREATE TABLE "analysis_report_reads" (
                "reportId" uuid NOT NULL,
                "userId" uuid NOT NULL,
                "readAt" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_f277f97d08a72e3d7ae5305bc8b" PRIMARY KEY ("reportId", "userId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_analysis_report_reads_user" ON "analysis_report_reads" ("userId")
        `);
        await queryRunner.query(`
            ALTER TABLE "analysis_reports"
            ADD CONSTRAINT "FK_a60f17ff2337e06e4e836825c16" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "analysis_report_reads"
            ADD CONSTRAINT "FK_0211f98b342218835177346c3f7" FOREIGN KEY ("reportId") REFERENCES "analysis_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "analysis_report_reads"
            ADD CONSTRAINT "FK_f80424609517d79a14398d17db2" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "analysis_report_reads" DROP CONSTRAINT "FK_f80424609517d79a14398d17db2"
        `);
        await queryRunner.query(`
            ALTER TABLE "analysis_report_reads" DROP CONSTRAINT "FK_0211f98b342218835177346c3f7"
        `);
        await queryRunner.query(`
            ALTER TABLE "analysis_reports" DROP CONSTRAINT "FK_a60f17ff2337e06e4e836825c16"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_analysis_report_reads_user"
        `);
        await queryRunner.query(`
            DROP TABLE "analysis_report_reads"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_analysis_reports_kind_project_period"
        `);
        await queryRunner.query(`
            DROP TABLE "analysis_reports"
        `);
    }

}
