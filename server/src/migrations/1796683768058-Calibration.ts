import { MigrationInterface, QueryRunner } from "typeorm";

export class Calibration1796683768058 implements MigrationInterface {
    name = 'Calibration1796683768058'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "calibration_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "title" character varying(200) NOT NULL,
                "projectId" uuid NOT NULL,
                "deadline" date NOT NULL,
                "expertId" uuid,
                "createdBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revealedAt" TIMESTAMP WITH TIME ZONE,
                "revealedBy" uuid,
                CONSTRAINT "PK_1177c8e45878fc4bb8e2fbb110b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_calibration_sessions_project" ON "calibration_sessions" ("projectId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "calibration_calls" (
                "sessionId" uuid NOT NULL,
                "recordingId" uuid NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_c03f93db4a6cdb354261c785cbd" PRIMARY KEY ("sessionId", "recordingId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_calibration_calls_recording" ON "calibration_calls" ("recordingId")
        `);
        await queryRunner.query(`
            CREATE TABLE "calibration_participants" (
                "sessionId" uuid NOT NULL,
                "userId" uuid NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_a1afb4a7e2b20da009f6c7d1415" PRIMARY KEY ("sessionId", "userId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_calibration_participants_user" ON "calibration_participants" ("userId")
        `);
        await queryRunner.query(`
            CREATE TABLE "calibration_guidance" (
                "sessionId" uuid NOT NULL,
                "code" character varying(32) NOT NULL,
                "text" text NOT NULL,
                "userId" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "draftVersion" integer,
                CONSTRAINT "PK_652c67cb09f7ccb283156f72367" PRIMARY KEY ("sessionId", "code")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD "calibrationSessionId" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_evaluations_calibration_session" ON "evaluations" ("calibrationSessionId")
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations"
            ADD CONSTRAINT "FK_0f3aa3f86d322a358b0aeef17d0" FOREIGN KEY ("calibrationSessionId") REFERENCES "calibration_sessions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions"
            ADD CONSTRAINT "FK_dd5eed6d03a58f8ebbffd83610b" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions"
            ADD CONSTRAINT "FK_70c3637969c882b921f0d54f09b" FOREIGN KEY ("expertId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions"
            ADD CONSTRAINT "FK_4ad4560c24d32b0c9c36c7659bb" FOREIGN KEY ("createdBy") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_calls"
            ADD CONSTRAINT "FK_19fb89dd3f131a0d894844c1b62" FOREIGN KEY ("sessionId") REFERENCES "calibration_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_calls"
            ADD CONSTRAINT "FK_8493e887f6bbca7e4f061fa3671" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_participants"
            ADD CONSTRAINT "FK_3bb058b6eacec1d21dc44e314f6" FOREIGN KEY ("sessionId") REFERENCES "calibration_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_participants"
            ADD CONSTRAINT "FK_b170843416f8244698c3cecae39" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_guidance"
            ADD CONSTRAINT "FK_3ac74a51c585911e599a430ddb9" FOREIGN KEY ("sessionId") REFERENCES "calibration_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_guidance"
            ADD CONSTRAINT "FK_44b921a121b63c8e969a92c4a79" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "calibration_guidance" DROP CONSTRAINT "FK_44b921a121b63c8e969a92c4a79"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_guidance" DROP CONSTRAINT "FK_3ac74a51c585911e599a430ddb9"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_participants" DROP CONSTRAINT "FK_b170843416f8244698c3cecae39"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_participants" DROP CONSTRAINT "FK_3bb058b6eacec1d21dc44e314f6"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_calls" DROP CONSTRAINT "FK_8493e887f6bbca7e4f061fa3671"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_calls" DROP CONSTRAINT "FK_19fb89dd3f131a0d894844c1b62"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions" DROP CONSTRAINT "FK_4ad4560c24d32b0c9c36c7659bb"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions" DROP CONSTRAINT "FK_70c3637969c882b921f0d54f09b"
        `);
        await queryRunner.query(`
            ALTER TABLE "calibration_sessions" DROP CONSTRAINT "FK_dd5eed6d03a58f8ebbffd83610b"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP CONSTRAINT "FK_0f3aa3f86d322a358b0aeef17d0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_evaluations_calibration_session"
        `);
        await queryRunner.query(`
            ALTER TABLE "evaluations" DROP COLUMN "calibrationSessionId"
        `);
        await queryRunner.query(`
            DROP TABLE "calibration_guidance"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_calibration_participants_user"
        `);
        await queryRunner.query(`
            DROP TABLE "calibration_participants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_calibration_calls_recording"
        `);
        await queryRunner.query(`
            DROP TABLE "calibration_calls"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_calibration_sessions_project"
        `);
        await queryRunner.query(`
            DROP TABLE "calibration_sessions"
        `);
    }

}
