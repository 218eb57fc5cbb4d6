import { describe, expect, it } from "vitest";
import { HttpError } from "./errors";
import { checkOrigin, MAX_BODY_BYTES, readBody, wantsJson } from "./request";

const SITE = "https://lumomate.example";
const post = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request(`${SITE}/api/subscribe`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<HttpError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("reading a request body", () => {
  it("reads a form, a multipart form and a JSON object", async () => {
    expect(await readBody(post("email=a%40b.example&website=", { "content-type": "application/x-www-form-urlencoded" }))).toEqual({ kind: "form", fields: { email: "a@b.example", website: "" } });
    const form = new FormData();
    form.set("email", "c@d.example");
    const multipart = new Request(`${SITE}/x`, { method: "POST", body: form });
    expect(await readBody(multipart)).toEqual({ kind: "form", fields: { email: "c@d.example" } });
    expect(await readBody(post('{"email":"e@f.example"}', { "content-type": "application/json; charset=utf-8" }))).toEqual({ kind: "json", fields: { email: "e@f.example" } });
  });

  it("refuses what it cannot read, each with its own status", async () => {
    expect((await refusal(readBody(post("x", { "content-type": "text/plain" })))).status).toBe(415);
    expect((await refusal(readBody(post("{nope", { "content-type": "application/json" })))).code).toBe("bad-json");
    expect((await refusal(readBody(post("[1,2]", { "content-type": "application/json" })))).status).toBe(400);
    expect((await refusal(readBody(post("x", { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) })))).status).toBe(413);
  });

  it("stops reading a body that grows past the limit without declaring its length", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4096).fill(97));
      },
    });
    const error = await refusal(readBody(post(endless, { "content-type": "application/x-www-form-urlencoded" })));
    expect(error.status).toBe(413);
    expect(pulled * 4096).toBeLessThan(MAX_BODY_BYTES + 3 * 4096);
  });

  it("answers JSON to a JSON body or a client that asks for it", () => {
    expect(wantsJson(post(null), { kind: "json", fields: {} })).toBe(true);
    expect(wantsJson(post(null, { accept: "application/json" }))).toBe(true);
    expect(wantsJson(post(null, { accept: "text/html" }), { kind: "form", fields: {} })).toBe(false);
  });
});

describe("where a POST comes from", () => {
  it("accepts the site itself and clients that send no Origin", () => {
    expect(() => checkOrigin(post(null, { origin: SITE }), SITE)).not.toThrow();
    expect(() => checkOrigin(post(null), SITE)).not.toThrow();
  });

  it("refuses other sites, sandboxed frames and cross-site fetches", async () => {
    expect((await refusal(() => checkOrigin(post(null, { origin: "https://evil.example" }), SITE))).status).toBe(403);
    expect((await refusal(() => checkOrigin(post(null, { origin: "null" }), SITE))).status).toBe(403);
    expect((await refusal(() => checkOrigin(post(null, { "sec-fetch-site": "cross-site" }), SITE))).code).toBe("cross-origin");
  });
});
