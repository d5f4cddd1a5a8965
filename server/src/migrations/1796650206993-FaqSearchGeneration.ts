import { MigrationInterface, QueryRunner } from "typeorm";

export class FaqSearchGeneration1796650206993 implements MigrationInterface {
    name = 'FaqSearchGeneration1796650206993'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "faq_search_generation" (
                "id" smallint NOT NULL,
                "generation" bigint NOT NULL,
                CONSTRAINT "PK_da0600e63256cde839eec2fdf28" PRIMARY KEY ("id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "faq_search_generation"
        `);
    }

}
