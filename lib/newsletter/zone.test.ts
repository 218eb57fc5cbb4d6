import { describe, expect, it } from "vitest";
import { sendTimeLabel, zoneName } from "./zone";

describe("the letter's zone as readers see it", () => {
  it.each([
    ["Europe/London", "London time"],
    ["America/New_York", "New York time"],
    ["America/Argentina/Buenos_Aires", "Buenos Aires time"],
    ["UTC", "UTC"],
    ["Etc/GMT+2", "GMT+2"],
  ])("%s → %s", (zone, name) => {
    expect(zoneName(zone)).toBe(name);
  });

  it("states the send time in the configured zone", () => {
    expect(sendTimeLabel("Asia/Tokyo")).toBe("Monday 08:00, Tokyo time");
  });
});
