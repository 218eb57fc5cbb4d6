import { describe, expect, it } from "vitest";
import { HttpError, withHttpErrors } from "./errors";

describe("withHttpErrors", () => {
  it("answers a refusal with its status, JSON reason and headers", async () => {
    const route = withHttpErrors(async () => {
      throw new HttpError(429, "slow-down", "Please wait.", { "Retry-After": "30" });
    });
    const response = await route(new Request("http://127.0.0.1/api/x", { method: "POST" }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ status: "slow-down", message: "Please wait." });
  });

  it("passes answers through and lets real faults reach Next", async () => {
    const ok = withHttpErrors(async () => new Response("fine", { status: 202 }));
    expect((await ok(new Request("http://127.0.0.1/"))).status).toBe(202);
    const broken = withHttpErrors(async () => {
      throw new TypeError("database gone");
    });
    await expect(broken(new Request("http://127.0.0.1/"))).rejects.toThrow("database gone");
  });
});
