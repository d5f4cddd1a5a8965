import { MigrationInterface, QueryRunner } from "typeorm";

export class Retention1796683830717 implements MigrationInterface {
    name = 'Retention1796683830717'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "retention_policies" (
                "projectId" uuid NOT NULL,
                "audioDays" integer,
                "evaluatedAudioDays" integer,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedById" uuid,
                "updatedBy" character varying(64),
                CONSTRAINT "PK_449197488568d65287a9e12c54f" PRIMARY KEY ("projectId")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD "audioRemovedAt" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_audio_kept" ON "recordings" ("projectId", "localDate")
            WHERE "audioRemovedAt" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "retention_policies"
            ADD CONSTRAINT "FK_449197488568d65287a9e12c54f" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "retention_policies" DROP CONSTRAINT "FK_449197488568d65287a9e12c54f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_audio_kept"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP COLUMN "audioRemovedAt"
        `);
        await queryRunner.query(`
            DROP TABLE "retention_policies"
        `);
    }

}
