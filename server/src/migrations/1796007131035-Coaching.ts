import { MigrationInterface, QueryRunner } from "typeorm";

export class Coaching1796007131035 implements MigrationInterface {
    name = 'Coaching1796007131035'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "defects" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "evaluationId" uuid NOT NULL,
                "recordingId" uuid NOT NULL,
                "agentId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "critical" boolean NOT NULL,
                "comment" text,
                "at" real,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b4bca3e4d032e3b50d1889ad296" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_defects_agent_code" ON "defects" ("agentId", "code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_defects_team_created" ON "defects" ("teamId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_defects_evaluation" ON "defects" ("evaluationId")
        `);
        await queryRunner.query(`
            CREATE TABLE "coaching_items" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "evaluationId" uuid NOT NULL,
                "recordingId" uuid NOT NULL,
                "agentId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "codes" character varying(32) array NOT NULL,
                "fatal" boolean NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'open',
                "revision" integer NOT NULL DEFAULT '1',
                "acknowledgedAt" TIMESTAMP WITH TIME ZONE,
                "acknowledgedById" uuid,
                "acknowledgedBy" character varying(64),
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b0d8b73f1235ae9a960c1f116c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_coaching_items_agent" ON "coaching_items" ("agentId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_coaching_items_team_status" ON "coaching_items" ("teamId", "status", "createdAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_coaching_items_evaluation" ON "coaching_items" ("evaluationId")
        `);
        await queryRunner.query(`
            CREATE TABLE "coaching_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "coachingItemId" uuid NOT NULL,
                "date" date NOT NULL,
                "said" text NOT NULL,
                "commitment" text NOT NULL,
                "relistenRecordingId" uuid,
                "userId" uuid NOT NULL,
                "username" character varying(64) NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_07f10cfa70c0d8ae79f65b94cd8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_coaching_sessions_item" ON "coaching_sessions" ("coachingItemId", "createdAt")
        `);
        await queryRunner.query(`
            ALTER TABLE "defects"
            ADD CONSTRAINT "FK_b54e01debc447af930ccbd08329" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items"
            ADD CONSTRAINT "FK_2a19f339d47aa3f6e16eacc140c" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_sessions"
            ADD CONSTRAINT "FK_9997e3451de8a7187a96c9c41b4" FOREIGN KEY ("coachingItemId") REFERENCES "coaching_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "coaching_sessions" DROP CONSTRAINT "FK_9997e3451de8a7187a96c9c41b4"
        `);
        await queryRunner.query(`
            ALTER TABLE "coaching_items" DROP CONSTRAINT "FK_2a19f339d47aa3f6e16eacc140c"
        `);
        await queryRunner.query(`
            ALTER TABLE "defects" DROP CONSTRAINT "FK_b54e01debc447af930ccbd08329"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_coaching_sessions_item"
        `);
        await queryRunner.query(`
            DROP TABLE "coaching_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_coaching_items_evaluation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_coaching_items_team_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_coaching_items_agent"
        `);
        await queryRunner.query(`
            DROP TABLE "coaching_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_defects_evaluation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_defects_team_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_defects_agent_code"
        `);
        await queryRunner.query(`
            DROP TABLE "defects"
        `);
    }

}
