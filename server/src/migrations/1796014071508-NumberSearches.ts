import { MigrationInterface, QueryRunner } from "typeorm";

export class NumberSearches1796014071508 implements MigrationInterface {
    name = 'NumberSearches1796014071508'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "customer_number_searches" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid NOT NULL,
                "username" character varying(64) NOT NULL,
                "number" character varying(40) NOT NULL,
                "outcome" character varying(16) NOT NULL,
                "ip" character varying(64),
                CONSTRAINT "PK_7f489034bc7a294da4ffb813522" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_customer_number_searches_at" ON "customer_number_searches" ("at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_customer_number_searches_user" ON "customer_number_searches" ("userId", "at")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_customer_number_searches_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_customer_number_searches_at"
        `);
        await queryRunner.query(`
            DROP TABLE "customer_number_searches"
        `);
    }

}
