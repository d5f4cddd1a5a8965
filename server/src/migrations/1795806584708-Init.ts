import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795806584708 implements MigrationInterface {
    name = 'Init1795806584708'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "userId" uuid,
                "username" character varying(64),
                "action" character varying(64) NOT NULL,
                "ip" character varying(64),
                "detail" jsonb,
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at")
        `);
        await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "tokenHash" character(64) NOT NULL,
                "userId" uuid NOT NULL,
                "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_auth_sessions_token_hash" ON "auth_sessions" ("tokenHash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_auth_sessions_user" ON "auth_sessions" ("userId")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."agent_grade" AS ENUM('intern', 'C', 'B', 'A')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."agent_status" AS ENUM('active', 'left')
        `);
        await queryRunner.query(`
            CREATE TABLE "agents" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "employeeNo" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "teamId" uuid NOT NULL,
                "hiredAt" date NOT NULL,
                "grade" "public"."agent_grade" NOT NULL,
                "status" "public"."agent_status" NOT NULL DEFAULT 'active',
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9c653f28ae19c5884d5baf6a1d9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_agents_employee_no" ON "agents" ("employeeNo")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_agents_team" ON "agents" ("teamId")
        `);
        await queryRunner.query(`
            CREATE TABLE "projects" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "code" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_projects_code" ON "projects" ("code")
        `);
        await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "code" character varying(32) NOT NULL,
                "name" character varying(100) NOT NULL,
                "projectId" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_teams_code" ON "teams" ("code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_teams_project" ON "teams" ("projectId")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM(
                'admin',
                'supervisor',
                'inspector',
                'team_lead',
                'faq_maintainer'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT uuid_generate_v4(),
                "username" character varying(64) NOT NULL,
                "passwordHash" character varying(200) NOT NULL,
                "displayName" character varying(100) NOT NULL,
                "roles" "public"."user_role" array NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_username" ON "users" ("username")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_projects" (
                "userId" uuid NOT NULL,
                "projectId" uuid NOT NULL,
                CONSTRAINT "PK_ae9ffcf485dae3de74d0ae798ca" PRIMARY KEY ("userId", "projectId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8f5f60efe1ef2847c1f36302f1" ON "user_projects" ("userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_2320cee7a393cf21d47ce3db75" ON "user_projects" ("projectId")
        `);
        await queryRunner.query(`
            CREATE TABLE "user_teams" (
                "userId" uuid NOT NULL,
                "teamId" uuid NOT NULL,
                CONSTRAINT "PK_583ce6ba7e9002dc8237b306229" PRIMARY KEY ("userId", "teamId")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7897cc33fd8068fc74974f3b61" ON "user_teams" ("userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a15cb9a872f93e1c2dbf90b9b7" ON "user_teams" ("teamId")
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_925b24d7fc2f9324ce972aee025" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "agents"
            ADD CONSTRAINT "FK_43f3ea83ede26538d0bed542023" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_9f03fd857a6f5401abaa1f1ae71" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "user_projects"
            ADD CONSTRAINT "FK_8f5f60efe1ef2847c1f36302f1f" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "user_projects"
            ADD CONSTRAINT "FK_2320cee7a393cf21d47ce3db753" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "user_teams"
            ADD CONSTRAINT "FK_7897cc33fd8068fc74974f3b613" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "user_teams"
            ADD CONSTRAINT "FK_a15cb9a872f93e1c2dbf90b9b7f" FOREIGN KEY ("teamId") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "user_teams" DROP CONSTRAINT "FK_a15cb9a872f93e1c2dbf90b9b7f"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_teams" DROP CONSTRAINT "FK_7897cc33fd8068fc74974f3b613"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_projects" DROP CONSTRAINT "FK_2320cee7a393cf21d47ce3db753"
        `);
        await queryRunner.query(`
            ALTER TABLE "user_projects" DROP CONSTRAINT "FK_8f5f60efe1ef2847c1f36302f1f"
        `);
        await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_9f03fd857a6f5401abaa1f1ae71"
        `);
        await queryRunner.query(`
            ALTER TABLE "agents" DROP CONSTRAINT "FK_43f3ea83ede26538d0bed542023"
        `);
        await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_925b24d7fc2f9324ce972aee025"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a15cb9a872f93e1c2dbf90b9b7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7897cc33fd8068fc74974f3b61"
        `);
        await queryRunner.query(`
            DROP TABLE "user_teams"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2320cee7a393cf21d47ce3db75"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8f5f60efe1ef2847c1f36302f1"
        `);
        await queryRunner.query(`
            DROP TABLE "user_projects"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_users_username"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_teams_project"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_teams_code"
        `);
        await queryRunner.query(`
            DROP TABLE "teams"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_projects_code"
        `);
        await queryRunner.query(`
            DROP TABLE "projects"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_agents_team"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_agents_employee_no"
        `);
        await queryRunner.query(`
            DROP TABLE "agents"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."agent_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."agent_grade"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_auth_sessions_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_auth_sessions_token_hash"
        `);
        await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_audit_log_at"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
