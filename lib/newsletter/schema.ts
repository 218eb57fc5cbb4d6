import type { ColumnType, Generated } from "kysely";

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

/** Timestamps are epoch milliseconds in both dialects (BIGINT on PostgreSQL). */
type Millis = ColumnType<number, number, number>;

export type Database = {
  subscribers: {
    id: string;
    email: string;
    status: SubscriberStatus;
    created_at: Millis;
    confirmed_at: Millis | null;
    unsubscribed_at: Millis | null;
  };
  /** Mail that must go out; written in the same transaction as the change that asks for it. */
  outbox: {
    id: Generated<number>;
    kind: "confirm";
    subscriber_id: string;
    email: string;
    created_at: Millis;
    attempts: number;
    next_attempt_at: Millis;
    claimed_until: Millis | null;
    sent_at: Millis | null;
    last_error: string | null;
  };
  /** One row per (letter, subscriber): the unique key is what makes a rerun send each mail once. */
  deliveries: {
    letter: string;
    subscriber_id: string;
    email: string;
    attempts: number;
    next_attempt_at: Millis;
    claimed_by: string | null;
    claimed_until: Millis | null;
    sent_at: Millis | null;
    last_error: string | null;
  };
  /** A letter that has been scheduled or sent, so the worker starts each one once. */
  sends: {
    letter: string;
    scheduled_for: Millis;
    started_at: Millis;
    completed_at: Millis | null;
  };
};
