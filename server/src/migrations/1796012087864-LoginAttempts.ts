import { MigrationInterface, QueryRunner } from "typeorm";

export class LoginAttempts1796012087864 implements MigrationInterface {
    name = 'LoginAttempts1796012087864'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "login_attempts" (
                "key" character varying(200) NOT NULL,
                "attempts" integer NOT NULL,
                "windowStart" TIMESTAMP WITH TIME ZONE NOT NULL,
                "lockedUntil" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_f90e70c50d5744e4d9f41dd397c" PRIMARY KEY ("key")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "login_attempts"
        `);
    }

}
