import { MigrationInterface, QueryRunner } from "typeorm";

export class Examples1796649784024 implements MigrationInterface {
    name = 'Examples1796649784024'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "call_examples" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "evaluationId" uuid NOT NULL,
                "recordingId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                "kind" character varying(8) NOT NULL,
                "items" character varying(32) array NOT NULL,
                "note" text NOT NULL,
                "tags" character varying(32) array NOT NULL DEFAULT '{}',
                "regions" jsonb NOT NULL,
                "authorId" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4822d95b98845b4b857e68f2514" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_call_examples_evaluation" ON "call_examples" ("evaluationId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_call_examples_team" ON "call_examples" ("teamId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_call_examples_project_created" ON "call_examples" ("projectId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "sharing_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "projectId" uuid NOT NULL,
                "date" date NOT NULL,
                "title" character varying(200) NOT NULL,
                "presenterId" uuid NOT NULL,
                "createdBy" uuid NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4a98cf37662808ad282332fd80e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_sharing_sessions_project_date" ON "sharing_sessions" ("projectId", "date")
        `);
        await queryRunner.query(`
            CREATE TABLE "sharing_session_examples" (
                "sessionId" uuid NOT NULL,
                "position" smallint NOT NULL,
                "exampleId" uuid NOT NULL,
                CONSTRAINT "PK_f010fc95eaf7347618bad10b4db" PRIMARY KEY ("sessionId", "position")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "faq_entry_examples" (
                "entryId" uuid NOT NULL,
                "exampleId" uuid NOT NULL,
                "position" smallint NOT NULL,
                CONSTRAINT "PK_245e4ca8be1ceced760b2416053" PRIMARY KEY ("entryId", "exampleId")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "call_examples"
            ADD CONSTRAINT "FK_175f88c55cde539f81f5001790a" FOREIGN KEY ("evaluationId") REFERENCES "evaluations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "call_examples"
            ADD CONSTRAINT "FK_c0cd321a281b2859d4ec252e868" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_sessions"
            ADD CONSTRAINT "FK_7460e1eb1879ddcafe4a3afb032" FOREIGN KEY ("presenterId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_session_examples"
            ADD CONSTRAINT "FK_a61143586929c877fa93d3ec0a1" FOREIGN KEY ("sessionId") REFERENCES "sharing_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_session_examples"
            ADD CONSTRAINT "FK_e7aecf3448d8e79f71981c65d62" FOREIGN KEY ("exampleId") REFERENCES "call_examples"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entry_examples"
            ADD CONSTRAINT "FK_49232c9c8fe2f1b76be58f3269a" FOREIGN KEY ("entryId") REFERENCES "faq_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entry_examples"
            ADD CONSTRAINT "FK_5c342440bad828046f8a315aa9f" FOREIGN KEY ("exampleId") REFERENCES "call_examples"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "faq_entry_examples" DROP CONSTRAINT "FK_5c342440bad828046f8a315aa9f"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entry_examples" DROP CONSTRAINT "FK_49232c9c8fe2f1b76be58f3269a"
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_session_examples" DROP CONSTRAINT "FK_e7aecf3448d8e79f71981c65d62"
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_session_examples" DROP CONSTRAINT "FK_a61143586929c877fa93d3ec0a1"
        `);
        await queryRunner.query(`
            ALTER TABLE "sharing_sessions" DROP CONSTRAINT "FK_7460e1eb1879ddcafe4a3afb032"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_examples" DROP CONSTRAINT "FK_c0cd321a281b2859d4ec252e868"
        `);
        await queryRunner.query(`
            ALTER TABLE "call_examples" DROP CONSTRAINT "FK_175f88c55cde539f81f5001790a"
        `);
        await queryRunner.query(`
            DROP TABLE "faq_entry_examples"
        `);
        await queryRunner.query(`
            DROP TABLE "sharing_session_examples"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_sharing_sessions_project_date"
        `);
        await queryRunner.query(`
            DROP TABLE "sharing_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_call_examples_project_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_call_examples_team"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_call_examples_evaluation"
        `);
        await queryRunner.query(`
            DROP TABLE "call_examples"
        `);
    }

}
