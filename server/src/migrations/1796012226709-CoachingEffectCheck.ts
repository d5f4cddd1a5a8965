import { MigrationInterface, QueryRunner } from "typeorm";

export class CoachingEffectCheck1796012226709 implements MigrationInterface {
    name = 'CoachingEffectCheck1796012226709'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "coaching_events" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "coachingItemId" uuid NOT NULL,
                "kind" character varying(16) NOT NULL,
                "evaluationId" uuid,
                "recordingId" uuid,
                "codes" character varying(32) array NOT NULL DEFAULT '{}',
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5f90a5d37f067d19c100760f118" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_coaching_events_item" ON "coaching_events" ("coachingItemId", "createdAt")
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items"
            ADD "reopenedAt" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items"
            ADD "reopenedByEvaluationId" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items"
            ADD "reopenedByRecordingId" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items"
            ADD "reopenedCodes" character varying(32) array
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_events"
            ADD CONSTRAINT "FK_bff0ad09f692d2e67b68eebc024" FOREIGN KEY ("coachingItemId") REFERENCES "coaching_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "coaching_events" DROP CONSTRAINT "FK_bff0ad09f692d2e67b68eebc024"
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items" DROP COLUMN "reopenedCodes"
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items" DROP COLUMN "reopenedByRecordingId"
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items" DROP COLUMN "reopenedByEvaluationId"
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items" DROP COLUMN "reopenedAt"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_coaching_events_item"
        `);
        await queryRunner.query(`
            DROP TABLE "coaching_events"
        `);
    }

}
