import { describe, expect, it } from "vitest";
import { GroupCommit } from "./groupCommit";

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("GroupCommit", () => {
  it("commits jobs submitted in the same tick together, and each caller gets its own result", async () => {
    const calls: string[][] = [];
    const gc = new GroupCommit<string, string>(async (jobs) => {
      calls.push([...jobs]);
      return jobs.map((j) => j.toUpperCase());
    });
    const results = await Promise.all([gc.run("a"), gc.run("b"), gc.run("c")]);
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(results).toEqual(["A", "B", "C"]);
  });

  it("a job submitted during a running commit goes into the next commit", async () => {
    const calls: number[][] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    const gc = new GroupCommit<number, number>(async (jobs) => {
      calls.push([...jobs]);
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
      return jobs.map((j) => j * 10);
    });
    const first = [gc.run(1), gc.run(2)];
    await tick();
    await tick();
    expect(calls).toEqual([[1, 2]]);
    const late = [gc.run(3), gc.run(4)];
    await tick();
    expect(calls).toHaveLength(1); // still waiting for the first commit
    gates[0].resolve();
    expect(await Promise.all(first)).toEqual([10, 20]);
    await tick();
    expect(calls).toEqual([[1, 2], [3, 4]]);
    gates[1].resolve();
    expect(await Promise.all(late)).toEqual([30, 40]);
  });

  it("a caller is not answered before its commit finishes", async () => {
    const gate = deferred();
    const gc = new GroupCommit<string, string>(async (jobs) => {
      await gate.promise;
      return jobs;
    });
    let settled = false;
    const p = gc.run("x").then(() => (settled = true));
    await tick();
    await tick();
    expect(settled).toBe(false);
    gate.resolve();
    await p;
    expect(settled).toBe(true);
  });

  it("a failing commit rejects every job of its group but not the next group", async () => {
    const boom = new Error("disk full");
    let call = 0;
    const gate = deferred();
    const gc = new GroupCommit<string, string>(async (jobs) => {
      call++;
      if (call === 1) {
        await gate.promise;
        throw boom;
      }
      return jobs.map((j) => `ok:${j}`);
    });
    const failing = [gc.run("a"), gc.run("b")];
    const failingSettled = Promise.allSettled(failing);
    await tick();
    await tick();
    const next = [gc.run("c"), gc.run("d")];
    gate.resolve();
    const settled = await failingSettled;
    expect(settled).toEqual([
      { status: "rejected", reason: boom },
      { status: "rejected", reason: boom },
    ]);
    expect(await Promise.all(next)).toEqual(["ok:c", "ok:d"]);
    expect(call).toBe(2);
  });

  it("keeps working after a failed group (later submissions still commit)", async () => {
    let fail = true;
    const gc = new GroupCommit<number, number>(async (jobs) => {
      if (fail) throw new Error("busy");
      return jobs;
    });
    await expect(gc.run(1)).rejects.toThrow("busy");
    fail = false;
    await expect(gc.run(2)).resolves.toBe(2);
  });

  it("maxGroup splits a large burst into groups of at most that size, in order", async () => {
    const calls: number[][] = [];
    const gc = new GroupCommit<number, number>(async (jobs) => {
      calls.push([...jobs]);
      return jobs.map((j) => j + 100);
    }, 3);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => gc.run(i)));
    expect(calls).toEqual([[0, 1, 2], [3, 4, 5], [6, 7]]);
    expect(results).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
  });
});
