import { MigrationInterface, QueryRunner } from "typeorm";

export class ExportRequests1796014920496 implements MigrationInterface {
    name = 'ExportRequests1796014920496'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "export_requests" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "requesterId" uuid NOT NULL,
                "requester" character varying(64) NOT NULL,
                "kind" character varying(16) NOT NULL,
                "format" character varying(8) NOT NULL,
                "query" jsonb NOT NULL,
                "teamIds" uuid array NOT NULL,
                "purpose" character varying(500),
                "status" character varying(16) NOT NULL,
                "decidedBy" character varying(64),
                "decidedAt" TIMESTAMP WITH TIME ZONE,
                "reason" character varying(500),
                "downloadedAt" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_c1447734294baee42649c066afe" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_export_requests_status" ON "export_requests" ("status", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_export_requests_requester" ON "export_requests" ("requesterId", "createdAt")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_export_requests_requester"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_export_requests_status"
        `);
        await queryRunner.query(`
            DROP TABLE "export_requests"
        `);
    }

}
