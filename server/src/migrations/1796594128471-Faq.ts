import { MigrationInterface, QueryRunner } from "typeorm";

export class Faq1796594128471 implements MigrationInterface {
    name = 'Faq1796594128471'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."faq_status" AS ENUM('draft', 'in_review', 'published', 'retired')
        `);
        await queryRunner.query(`
            CREATE TABLE "faq_entries" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "status" "public"."faq_status" NOT NULL DEFAULT 'draft',
                "question" text NOT NULL,
                "answer" text NOT NULL,
                "tags" character varying(32) array NOT NULL DEFAULT '{}',
                "alternatives" text array NOT NULL DEFAULT '{}',
                "projectId" uuid,
                "businessType" character varying(64),
                "ownerId" uuid NOT NULL,
                "ownerName" character varying(64) NOT NULL,
                "revision" integer NOT NULL DEFAULT '1',
                "publishedVersion" integer,
                "searchQuestion" text NOT NULL,
                "searchAlternatives" text NOT NULL,
                "searchAnswer" text NOT NULL,
                "retiredReason" text,
                "retiredBy" character varying(64),
                "retiredAt" TIMESTAMP WITH TIME ZONE,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4e06d34f76cad999df10bcc08f6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_entries_status_updated" ON "faq_entries" ("status", "updatedAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "faq_versions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "entryId" uuid NOT NULL,
                "version" integer NOT NULL,
                "question" text NOT NULL,
                "answer" text NOT NULL,
                "tags" character varying(32) array NOT NULL DEFAULT '{}',
                "alternatives" text array NOT NULL DEFAULT '{}',
                "searchQuestion" text NOT NULL,
                "searchAlternatives" text NOT NULL,
                "searchAnswer" text NOT NULL,
                "publishedById" uuid NOT NULL,
                "publishedBy" character varying(64) NOT NULL,
                "reason" text,
                "publishedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f45b65fb5192f285b8145ee7aaa" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_faq_versions_entry_version" ON "faq_versions" ("entryId", "version")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."faq_proposal_status" AS ENUM('pending', 'accepted', 'rejected')
        `);
        await queryRunner.query(`
            CREATE TABLE "faq_proposals" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "status" "public"."faq_proposal_status" NOT NULL DEFAULT 'pending',
                "entryId" uuid,
                "question" text NOT NULL,
                "answer" text NOT NULL DEFAULT '',
                "note" text,
                "searchQuestion" text NOT NULL,
                "recordingId" uuid NOT NULL,
                "evaluationId" uuid,
                "code" character varying(32),
                "at" real,
                "proposedById" uuid NOT NULL,
                "proposedBy" character varying(64) NOT NULL,
                "acceptedEntryId" uuid,
                "decidedBy" character varying(64),
                "decidedAt" TIMESTAMP WITH TIME ZONE,
                "decisionNote" text,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_42a0b023559b0bd04ce7ad6a469" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_proposals_status_created" ON "faq_proposals" ("status", "createdAt")
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions"
            ADD CONSTRAINT "FK_f6d00858f0bb24621a1bd312619" FOREIGN KEY ("entryId") REFERENCES "faq_entries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_proposals"
            ADD CONSTRAINT "FK_ee4e4c0a3303a319581bdeced22" FOREIGN KEY ("entryId") REFERENCES "faq_entries"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_proposals"
            ADD CONSTRAINT "FK_1b2808473fd27575572247b8b4c" FOREIGN KEY ("recordingId") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Trigram GIN indexes on the normalised search columns (LIKE '%…%' from three characters on):
        // written by hand, TypeORM cannot describe an operator class (the entities mark them synchronize: false).
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        for (const table of ['faq_entries', 'faq_versions']) {
            for (const [column, name] of [['searchQuestion', 'question'], ['searchAlternatives', 'alternatives'], ['searchAnswer', 'answer']]) {
                await queryRunner.query(`CREATE INDEX "IDX_${table}_search_${name}_trgm" ON "${table}" USING gin ("${column}" gin_trgm_ops)`);
            }
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['faq_entries', 'faq_versions']) {
            for (const name of ['question', 'alternatives', 'answer']) await queryRunner.query(`DROP INDEX "public"."IDX_${table}_search_${name}_trgm"`);
        }
        await queryRunner.query(`
            ALTER TABLE "faq_proposals" DROP CONSTRAINT "FK_1b2808473fd27575572247b8b4c"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_proposals" DROP CONSTRAINT "FK_ee4e4c0a3303a319581bdeced22"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions" DROP CONSTRAINT "FK_f6d00858f0bb24621a1bd312619"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_proposals_status_created"
        `);
        await queryRunner.query(`
            DROP TABLE "faq_proposals"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."faq_proposal_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_faq_versions_entry_version"
        `);
        await queryRunner.query(`
            DROP TABLE "faq_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_entries_status_updated"
        `);
        await queryRunner.query(`
            DROP TABLE "faq_entries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."faq_status"
        `);
    }

}
