import { describe, expect, it, vi } from "vitest";
import { isTransient, withRetry } from "./retry";

const err = (code: string) => Object.assign(new Error(`db error ${code}`), { code });

describe("withRetry", () => {
  it.each(["SQLITE_BUSY", "40001"])("retries %s and succeeds when the database frees up", async (code) => {
    const work = vi.fn().mockRejectedValueOnce(err(code)).mockRejectedValueOnce(err(code)).mockResolvedValue("done");
    await expect(withRetry(work, 4, 1)).resolves.toBe("done");
    expect(work).toHaveBeenCalledTimes(3);
  });

  it.each(["SQLITE_BUSY", "40001"])("gives up on %s after the attempt count and throws the error", async (code) => {
    const failure = err(code);
    const work = vi.fn().mockRejectedValue(failure);
    await expect(withRetry(work, 4, 1)).rejects.toBe(failure);
    expect(work).toHaveBeenCalledTimes(4);

    const three = vi.fn().mockRejectedValue(failure);
    await expect(withRetry(three, 3, 1)).rejects.toBe(failure);
    expect(three).toHaveBeenCalledTimes(3);
  });

  it("uses 4 attempts by default", async () => {
    vi.useFakeTimers();
    try {
      const work = vi.fn().mockRejectedValue(err("SQLITE_BUSY"));
      const result = withRetry(work);
      const assertion = expect(result).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      await vi.runAllTimersAsync();
      await assertion;
      expect(work).toHaveBeenCalledTimes(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not retry a non-transient error", async () => {
    for (const failure of [new Error("constraint failed"), err("SQLITE_CONSTRAINT"), err("23505"), "a string", null]) {
      const work = vi.fn().mockRejectedValue(failure);
      await expect(withRetry(work, 4, 1)).rejects.toBe(failure);
      expect(work).toHaveBeenCalledTimes(1);
    }
  });

  it("calls the work once when it succeeds at once", async () => {
    const work = vi.fn().mockResolvedValue(7);
    await expect(withRetry(work, 4, 1)).resolves.toBe(7);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe("isTransient", () => {
  it("recognises busy/serialisation codes and nothing else", () => {
    expect(isTransient(err("SQLITE_BUSY"))).toBe(true);
    expect(isTransient(err("40001"))).toBe(true);
    expect(isTransient(err("SQLITE_CONSTRAINT"))).toBe(false);
    expect(isTransient(new Error("SQLITE_BUSY"))).toBe(false);
    expect(isTransient(undefined)).toBe(false);
    expect(isTransient(null)).toBe(false);
  });
});
