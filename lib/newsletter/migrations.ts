import { sql, SqliteAdapter, type Kysely, type Migration, type MigrationProvider } from "kysely";

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Versioned migrations, run in order on start. Never edit one that has shipped: add the next. */
const migrations: Record<string, Migration> = {
  "2026-11-25-01-subscribers-outbox": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("subscribers")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("confirmed_at", "bigint")
        .addColumn("unsubscribed_at", "bigint")
        .execute();
      await db.schema
        .createTable("outbox")
        .addColumn("id", "integer", (c) => (isSqlite(db) ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity()))
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("subscriber_id", "varchar(36)", (c) => c.notNull().references("subscribers.id").onDelete("cascade"))
        .addColumn("email", "varchar(254)", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
        .addColumn("claimed_until", "bigint")
        .addColumn("sent_at", "bigint")
        .addColumn("last_error", "text")
        .execute();
      await db.schema.createIndex("outbox_due").on("outbox").columns(["sent_at", "next_attempt_at"]).execute();
      await db.schema.createIndex("outbox_by_subscriber").on("outbox").columns(["subscriber_id", "created_at"]).execute();
      await db.schema.createIndex("outbox_by_time").on("outbox").column("created_at").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("outbox").execute();
      await db.schema.dropTable("subscribers").execute();
    },
  },
  "2026-11-25-02-letters": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sends")
        .addColumn("letter", "varchar(120)", (c) => c.primaryKey())
        .addColumn("scheduled_for", "bigint", (c) => c.notNull())
        .addColumn("started_at", "bigint", (c) => c.notNull())
        .addColumn("completed_at", "bigint")
        .execute();
      await db.schema
        .createTable("deliveries")
        .addColumn("letter", "varchar(120)", (c) => c.notNull())
        .addColumn("subscriber_id", "varchar(36)", (c) => c.notNull().references("subscribers.id").onDelete("cascade"))
        .addColumn("email", "varchar(254)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
        .addColumn("claimed_by", "varchar(64)")
        .addColumn("claimed_until", "bigint")
        .addColumn("sent_at", "bigint")
        .addColumn("last_error", "text")
        .addPrimaryKeyConstraint("deliveries_pk", ["letter", "subscriber_id"])
        .execute();
      await db.schema.createIndex("deliveries_due").on("deliveries").columns(["letter", "sent_at", "next_attempt_at"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("deliveries").execute();
      await db.schema.dropTable("sends").execute();
    },
  },
  "2026-12-02-01-claims-failures-bounces-consent": {
    // Claim tokens (a mark counts only for the holder of the claim), terminal failure and bounce
    // states, the first consent kept apart from later confirmations, and suppression by keyed hash.
    async up(db: Kysely<unknown>) {
      for (const table of ["deliveries", "outbox"]) {
        await db.schema.alterTable(table).addColumn("claim_token", "varchar(64)").execute();
        await db.schema.alterTable(table).addColumn("failed_at", "bigint").execute();
        await db.schema.alterTable(table).addColumn("bounced_at", "bigint").execute();
      }
      await db.schema.alterTable("subscribers").addColumn("consent_at", "bigint").execute();
      await db.schema.alterTable("subscribers").addColumn("consent_source", "varchar(16)").execute();
      await db.schema.alterTable("subscribers").addColumn("bounced_at", "bigint").execute();
      await sql`update subscribers set consent_at = confirmed_at, consent_source = 'form' where confirmed_at is not null`.execute(db);
      await db.schema
        .createTable("suppressions")
        .addColumn("address_hash", "varchar(64)", (c) => c.primaryKey())
        .addColumn("reason", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
