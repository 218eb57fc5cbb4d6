import type { ColumnType, Generated } from "kysely";

export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed" | "bounced";
export type ConsentSource = "form" | "api";

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
    /** The first confirmation; later confirmations leave it as it is. */
    consent_at: Millis | null;
    /** How the signup that led to that consent came in. */
    consent_source: ConsentSource | null;
    bounced_at: Millis | null;
  };
  /** Addresses that left or bounced, as HMAC-SHA256(secret, address): kept so they are not mailed again. */
  suppressions: {
    address_hash: string;
    reason: "unsubscribed" | "bounced";
    created_at: Millis;
  };
  /** Mail that must go out; written in the same transaction as the change that asks for it. */
  outbox: {
    id: Generated<number>;
    kind: "confirm";
    subscriber_id: string;
    /** Emptied ("") 30 days after the row was made (docs/privacy.md). */
    email: string;
    created_at: Millis;
    attempts: number;
    next_attempt_at: Millis;
    claimed_until: Millis | null;
    /** Set by each claim: marking the row counts only for the claim that still holds this token. */
    claim_token: string | null;
    sent_at: Millis | null;
    /** Transient failures went on past the retry window: given up, and reported. */
    failed_at: Millis | null;
    /** The relay refused the address for good (5xx at RCPT or DATA). */
    bounced_at: Millis | null;
    last_error: string | null;
  };
  /** One row per (letter, subscriber): the unique key is what makes a rerun send each mail once. */
  deliveries: {
    letter: string;
    subscriber_id: string;
    /** Emptied ("") 30 days after the letter went out (docs/privacy.md). */
    email: string;
    attempts: number;
    next_attempt_at: Millis;
    claimed_by: string | null;
    claimed_until: Millis | null;
    /** Set by each claim: marking the row counts only for the claim that still holds this token. */
    claim_token: string | null;
    sent_at: Millis | null;
    /** Transient failures went on past the retry window: given up, and reported. */
    failed_at: Millis | null;
    /** The relay refused the address for good (5xx at RCPT or DATA). */
    bounced_at: Millis | null;
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
