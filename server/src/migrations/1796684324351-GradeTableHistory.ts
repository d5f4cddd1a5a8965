import { MigrationInterface, QueryRunner } from "typeorm";

export class GradeTableHistory1796684324351 implements MigrationInterface {
    name = 'GradeTableHistory1796684324351'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_kpi_grade_tables_from_quarter"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_kpi_grade_tables_from_quarter" ON "kpi_grade_tables" ("fromQuarter", "version")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_kpi_grade_tables_from_quarter"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_kpi_grade_tables_from_quarter" ON "kpi_grade_tables" USING btree ("fromQuarter")
        `);
    }

}
