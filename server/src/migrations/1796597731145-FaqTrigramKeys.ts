import { MigrationInterface, QueryRunner } from "typeorm";

export class FaqTrigramKeys1796597731145 implements MigrationInterface {
    name = 'FaqTrigramKeys1796597731145'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_entries_search_question_trgm"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_entries_search_alternatives_trgm"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_entries_search_answer_trgm"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_versions_search_question_trgm"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_versions_search_alternatives_trgm"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_faq_versions_search_answer_trgm"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries"
            ADD "keyQuestion" text NOT NULL DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries"
            ADD "keyAlternatives" text NOT NULL DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries"
            ADD "keyAnswer" text NOT NULL DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions"
            ADD "keyQuestion" text NOT NULL DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions"
            ADD "keyAlternatives" text NOT NULL DEFAULT ''
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions"
            ADD "keyAnswer" text NOT NULL DEFAULT ''
        `);
        // Rows from before: their keys computed as shared/src/faq/search.ts trigramKey does (each code unit as
        // four letters a–p, '|' as a space; BMP characters, which is all the normaliser leaves in these columns).
        const key = (column: string) => `coalesce((SELECT string_agg(CASE WHEN c = '|' THEN ' ' ELSE translate(lpad(to_hex(ascii(c)), 4, '0'), '0123456789abcdef', 'abcdefghijklmnop') END, '' ORDER BY n) FROM regexp_split_to_table("${column}", '') WITH ORDINALITY AS x(c, n)), '')`;
        for (const table of ['faq_entries', 'faq_versions']) {
            await queryRunner.query(`UPDATE "${table}" SET "keyQuestion" = ${key('searchQuestion')}, "keyAlternatives" = ${key('searchAlternatives')}, "keyAnswer" = ${key('searchAnswer')}`);
            for (const name of ['question', 'alternatives', 'answer']) {
                const column = `key${name[0].toUpperCase()}${name.slice(1)}`;
                await queryRunner.query(`CREATE INDEX "IDX_${table}_key_${name}_trgm" ON "${table}" USING gin ("${column}" gin_trgm_ops)`);
            }
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of ['faq_entries', 'faq_versions']) {
            for (const name of ['question', 'alternatives', 'answer']) await queryRunner.query(`DROP INDEX "public"."IDX_${table}_key_${name}_trgm"`);
        }
        await queryRunner.query(`
            ALTER TABLE "faq_versions" DROP COLUMN "keyAnswer"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions" DROP COLUMN "keyAlternatives"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_versions" DROP COLUMN "keyQuestion"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries" DROP COLUMN "keyAnswer"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries" DROP COLUMN "keyAlternatives"
        `);
        await queryRunner.query(`
            ALTER TABLE "faq_entries" DROP COLUMN "keyQuestion"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_versions_search_answer_trgm" ON "faq_versions" USING gin ("searchAnswer")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_versions_search_alternatives_trgm" ON "faq_versions" USING gin ("searchAlternatives")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_versions_search_question_trgm" ON "faq_versions" USING gin ("searchQuestion")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_entries_search_answer_trgm" ON "faq_entries" USING gin ("searchAnswer")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_entries_search_alternatives_trgm" ON "faq_entries" USING gin ("searchAlternatives")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_faq_entries_search_question_trgm" ON "faq_entries" USING gin ("searchQuestion")
        `);
    }

}
