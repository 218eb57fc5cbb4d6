import { describe, expect, it } from "vitest";
import { MAX_LATENESS_MS, sendTime, timing, zonedTime } from "./schedule";

const iso = (ms: number) => new Date(ms).toISOString();

describe("sendTime: Monday 08:00 local, across daylight saving", () => {
  it.each([
    ["Europe/London", "2026-03-23", "2026-03-23T08:00:00.000Z"], // GMT
    ["Europe/London", "2026-03-30", "2026-03-30T07:00:00.000Z"], // BST since 29 March
    ["Europe/London", "2026-10-26", "2026-10-26T08:00:00.000Z"], // GMT again since 25 October
    ["America/New_York", "2026-03-02", "2026-03-02T13:00:00.000Z"], // EST
    ["America/New_York", "2026-03-09", "2026-03-09T12:00:00.000Z"], // EDT since 8 March
    ["Asia/Tokyo", "2026-03-23", "2026-03-22T23:00:00.000Z"], // JST, no DST
    ["Asia/Tokyo", "2026-07-06", "2026-07-05T23:00:00.000Z"],
    ["UTC", "2026-03-30", "2026-03-30T08:00:00.000Z"],
  ])("%s %s 08:00 = %s", (zone, date, expected) => {
    expect(iso(sendTime(date, zone))).toBe(expected);
  });

  it("zonedTime handles other wall times too", () => {
    expect(iso(zonedTime("2026-03-30", 0, 30, "Europe/London"))).toBe("2026-03-29T23:30:00.000Z");
    expect(iso(zonedTime("2026-10-24", 23, 59, "Europe/London"))).toBe("2026-10-24T22:59:00.000Z");
    expect(iso(zonedTime("2026-03-09", 8, 15, "America/New_York"))).toBe("2026-03-09T12:15:00.000Z");
  });

  it("zonedTime is right on the day the clocks change, after the change", () => {
    // New York springs forward at 02:00 EST (07:00 UTC) on Sunday 8 March 2026.
    expect(iso(zonedTime("2026-03-08", 5, 0, "America/New_York"))).toBe("2026-03-08T09:00:00.000Z");
    expect(iso(zonedTime("2026-03-08", 8, 0, "America/New_York"))).toBe("2026-03-08T12:00:00.000Z");
    expect(iso(zonedTime("2026-03-08", 1, 0, "America/New_York"))).toBe("2026-03-08T06:00:00.000Z");
    // ... and falls back at 02:00 EDT (06:00 UTC) on Sunday 1 November 2026.
    expect(iso(zonedTime("2026-11-01", 3, 0, "America/New_York"))).toBe("2026-11-01T08:00:00.000Z");
    expect(iso(zonedTime("2026-11-01", 8, 0, "America/New_York"))).toBe("2026-11-01T13:00:00.000Z");
    // London changes on the Sunday before the Monday letters.
    expect(iso(zonedTime("2026-03-29", 8, 0, "Europe/London"))).toBe("2026-03-29T07:00:00.000Z");
    expect(iso(zonedTime("2026-10-25", 8, 0, "Europe/London"))).toBe("2026-10-25T08:00:00.000Z");
  });

  it("the clocks show 08:00 at the computed instant", () => {
    for (const [zone, date] of [
      ["Europe/London", "2026-03-30"],
      ["America/New_York", "2026-03-09"],
      ["Asia/Tokyo", "2026-03-23"],
    ]) {
      const shown = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).format(
        new Date(sendTime(date, zone)),
      );
      expect(shown).toBe("08:00");
    }
  });
});

describe("timing", () => {
  const letter = { slug: "issue-12", date: "2026-03-30" };
  const zone = "Europe/London";
  const at = Date.parse("2026-03-30T07:00:00.000Z");

  it("is future one minute before", () => {
    expect(timing(letter, at - 60_000, zone)).toEqual({ slug: "issue-12", at, state: "future" });
    expect(timing(letter, at - 1, zone).state).toBe("future");
  });

  it("is due at the time and up to 12 hours after", () => {
    expect(timing(letter, at, zone)).toEqual({ slug: "issue-12", at, state: "due" });
    expect(timing(letter, at + 6 * 3600_000, zone).state).toBe("due");
    expect(timing(letter, at + 12 * 3600_000, zone).state).toBe("due");
  });

  it("is held back at 12 hours + 1 ms", () => {
    expect(MAX_LATENESS_MS).toBe(12 * 3600_000);
    expect(timing(letter, at + 12 * 3600_000 + 1, zone)).toEqual({ slug: "issue-12", at, state: "held-back" });
    expect(timing(letter, at + 7 * 24 * 3600_000, zone).state).toBe("held-back");
  });

  it("uses the zone's own 08:00, not 08:00 UTC", () => {
    // 07:30 UTC on 30 March 2026 is 08:30 in London: already due there.
    expect(timing(letter, Date.parse("2026-03-30T07:30:00Z"), zone).state).toBe("due");
    expect(timing(letter, Date.parse("2026-03-30T07:30:00Z"), "UTC").state).toBe("future");
  });
});
