import { MigrationInterface, QueryRunner } from "typeorm";

export class Recordings1795806904216 implements MigrationInterface {
    name = 'Recordings1795806904216'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."call_direction" AS ENUM('inbound', 'outbound')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."channel_layout" AS ENUM(
                'mono',
                'stereo-agent-left',
                'stereo-agent-right'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "recordings" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "externalId" character varying(128) NOT NULL,
                "agentId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL,
                "localDate" date NOT NULL,
                "direction" "public"."call_direction" NOT NULL,
                "customerNumber" character varying(32),
                "businessType" character varying(64),
                "channels" "public"."channel_layout" NOT NULL DEFAULT 'mono',
                "durationSeconds" real NOT NULL,
                "audioFormat" character varying(16) NOT NULL,
                "sampleRate" integer NOT NULL,
                "channelCount" smallint NOT NULL,
                "audioKey" character varying(200) NOT NULL,
                "audioBytes" integer NOT NULL,
                "audioSha256" character(64) NOT NULL,
                "hasTranscript" boolean NOT NULL DEFAULT false,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8c3247d5ee4551d59bb2115a484" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_recordings_external_id" ON "recordings" ("externalId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_customer" ON "recordings" ("customerNumber", "startedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_day" ON "recordings" ("localDate", "startedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_project_day" ON "recordings" ("projectId", "localDate", "startedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_team_day" ON "recordings" ("teamId", "localDate", "startedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recordings_agent_day" ON "recordings" ("agentId", "localDate", "startedAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "recording_peaks" (
                "recordingId" uuid NOT NULL,
                "peaks" jsonb NOT NULL,
                CONSTRAINT "PK_d7fd85745998d19c5b9a107633b" PRIMARY KEY ("recordingId")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "recording_transcripts" (
                "recordingId" uuid NOT NULL,
                "transcript" jsonb NOT NULL,
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3c7fb3d2bb1cf312bb9ae92d25c" PRIMARY KEY ("recordingId")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "recording_access_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid NOT NULL,
                "username" character varying(64) NOT NULL,
                "recordingId" uuid NOT NULL,
                "action" character varying(16) NOT NULL,
                "ip" character varying(64),
                CONSTRAINT "PK_1c9907434daa49f16015e959c7b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recording_access_recording" ON "recording_access_log" ("recordingId", "at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_recording_access_at" ON "recording_access_log" ("at")
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings"
            ADD CONSTRAINT "FK_7a860705cacea30a3656b129e15" FOREIGN KEY ("agentId") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recording_peaks"
            ADD CONSTRAINT "FK_d7fd85745998d19c5b9a107633b" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "recording_transcripts"
            ADD CONSTRAINT "FK_3c7fb3d2bb1cf312bb9ae92d25c" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "recording_transcripts" DROP CONSTRAINT "FK_3c7fb3d2bb1cf312bb9ae92d25c"
        `);
        await queryRunner.query(`
            ALTER TABLE "recording_peaks" DROP CONSTRAINT "FK_d7fd85745998d19c5b9a107633b"
        `);
        await queryRunner.query(`
            ALTER TABLE "recordings" DROP CONSTRAINT "FK_7a860705cacea30a3656b129e15"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recording_access_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recording_access_recording"
        `);
        await queryRunner.query(`
            DROP TABLE "recording_access_log"
        `);
        await queryRunner.query(`
            DROP TABLE "recording_transcripts"
        `);
        await queryRunner.query(`
            DROP TABLE "recording_peaks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_agent_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_team_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_project_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_day"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_recordings_customer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_recordings_external_id"
        `);
        await queryRunner.query(`
            DROP TABLE "recordings"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."channel_layout"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."call_direction"
        `);
    }

}
