import { describe, expect, it } from "vitest";
import { backoffMs, classifyFailure } from "./mailFailure";

const smtpError = (responseCode: number, command: string) => Object.assign(new Error(`${responseCode} refused`), { responseCode, command });

describe("what a failed send means", () => {
  it("a 5xx to RCPT TO or to the message (DATA) is a bounce", () => {
    expect(classifyFailure(smtpError(550, "RCPT TO")).kind).toBe("bounce");
    expect(classifyFailure(smtpError(554, "DATA")).kind).toBe("bounce");
  });

  it("a 4xx, a 5xx to our own MAIL FROM or login, and a dropped connection are retried", () => {
    expect(classifyFailure(smtpError(451, "RCPT TO")).kind).toBe("transient");
    expect(classifyFailure(smtpError(452, "DATA")).kind).toBe("transient");
    expect(classifyFailure(smtpError(553, "MAIL FROM")).kind).toBe("transient");
    expect(classifyFailure(smtpError(535, "AUTH PLAIN")).kind).toBe("transient");
    expect(classifyFailure(Object.assign(new Error("Connection closed"), { code: "ECONNECTION" })).kind).toBe("transient");
  });

  it("backs off from 30 s, doubling, capped at 30 minutes", () => {
    expect([1, 2, 3, 7, 8, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 1_800_000, 1_800_000, 1_800_000]);
  });
});
