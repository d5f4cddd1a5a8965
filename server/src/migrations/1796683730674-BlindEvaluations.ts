import { MigrationInterface, QueryRunner } from "typeorm";

export class BlindEvaluations1796683730674 implements MigrationInterface {
    name = 'BlindEvaluations1796683730674'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD "blind" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments"
            ADD "blind" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD "blindShare" real NOT NULL DEFAULT '0.1'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "projects" DROP COLUMN "blindShare"
        `);
        await queryRunner.query(`
            ALTER TABLE "sampling_assignments" DROP COLUMN "blind"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP COLUMN "blind"
        `);
    }

}
