import { describe, expect, it } from "vitest";
import { normaliseAddress } from "./address";

/** A valid-looking address of exactly n characters: 64-character mailbox, domain of 63-character labels. */
function long(n: number): string {
  let rest = n - 65 - 4; // "<64>@" ... ".com"
  const labels: string[] = [];
  while (rest > 0) {
    const size = Math.min(63, rest - (rest > 63 ? 1 : 0));
    labels.push("b".repeat(size));
    rest -= size + (rest > size ? 1 : 0);
  }
  return `${"a".repeat(64)}@${labels.join(".")}.com`;
}

// [description, input, expected normalised address]
const accepted: [string, unknown, string][] = [
  ["plain address", "reader@example.com", "reader@example.com"],
  ["mixed case is lower-cased", "Reader@Example.COM", "reader@example.com"],
  ["leading and trailing spaces are trimmed", "   reader@example.com \t ", "reader@example.com"],
  ["an apostrophe is a valid mailbox character", "o'brien@example.com", "o'brien@example.com"],
  ["apostrophe with mixed case only changes case", "O'Brien@Example.com", "o'brien@example.com"],
  ["IDN domain becomes punycode", "anna@bücher.example", "anna@xn--bcher-kva.example"],
  ["IDN domain in capitals becomes punycode", "Anna@BÜCHER.example", "anna@xn--bcher-kva.example"],
  ["plus addressing and dots in the local part", "first.last+news@sub.example.co.uk", "first.last+news@sub.example.co.uk"],
  ["hyphen inside a label", "a@my-site.example", "a@my-site.example"],
  ["exactly 254 characters", long(254), long(254)],
];

// [description, input, pattern the reason must match]
const rejected: [string, unknown, RegExp][] = [
  ["empty string", "", /enter your e-mail/i],
  ["whitespace only", "   \t  ", /enter your e-mail/i],
  ["over 254 characters", long(255), /too long/i],
  ["no @", "reader.example.com", /exactly one @/i],
  ["two @", "a@b@example.com", /exactly one @/i],
  ["nothing before the @", "@example.com", /before the @/i],
  ["nothing after the @", "reader@", /after the @/i],
  ["CRLF header injection", "a@b.co\r\nBcc: x@y.z", /characters/i],
  ["LF inside", "a@b.co\nx", /characters/i],
  ["CR inside", "a@b.co\rx", /characters/i],
  ["NUL inside", "a@b.co\0", /characters/i],
  ["NUL before trailing spaces (not trimmed away)", "a@b.com\0  ", /characters/i],
  ["tab inside the domain is not silently dropped", "a@exa\tmple.com", /./],
  ["script tag as mailbox", "<script>@x.com", /before the @/i],
  ["HTML in the domain", "a@<b>.com", /after the @/i],
  ["full script element", "<script>alert(1)</script>@x.com", /./],
  ["SQL injection after the domain", "x@y.com'; DROP TABLE subscribers;--", /after the @/i],
  ["SQL injection behind a slash is not truncated away", "x@y.com/';DROP TABLE subscribers;--", /after the @/i],
  ["path after the domain is not truncated away", "a@example.com/evil", /after the @/i],
  ["query after the domain is not truncated away", "a@example.com?x=1", /after the @/i],
  ["fragment after the domain is not truncated away", "a@example.com#x", /after the @/i],
  ["backslash after the domain is not truncated away", "a@example.com\\x", /after the @/i],
  ["percent-escape in the domain is not decoded", "a@ex%61mple.com", /after the @/i],
  ["quote in the local part needs quoting, not accepted", '"a b"@example.com', /before the @/i],
  ["space inside", "a b@example.com", /before the @/i],
  ["double dot in the local part", "a..b@example.com", /before the @/i],
  ["domain without a dot", "reader@localhost", /after the @/i],
  ["label starting with a hyphen", "reader@-example.com", /after the @/i],
  ["label ending with a hyphen", "reader@example-.com", /after the @/i],
  ["numeric TLD", "reader@example.123", /after the @/i],
  ["IPv4 literal", "reader@1.2.3.4", /after the @/i],
  ["empty label", "reader@example..com", /after the @/i],
  ["trailing dot", "reader@example.com.", /after the @/i],
  ["local part over 64 characters", `${"a".repeat(65)}@example.com`, /before the @/i],
  ["number", 42, /enter your e-mail/i],
  ["null", null, /enter your e-mail/i],
  ["undefined", undefined, /enter your e-mail/i],
  ["object", { email: "reader@example.com" }, /enter your e-mail/i],
  ["array", ["reader@example.com"], /enter your e-mail/i],
];

describe("normaliseAddress accepts real addresses", () => {
  it("length helper builds what it says", () => {
    expect(long(254)).toHaveLength(254);
    expect(long(255)).toHaveLength(255);
  });

  it.each(accepted)("%s", (_name, input, address) => {
    expect(normaliseAddress(input)).toEqual({ ok: true, address });
  });
});

describe("normaliseAddress rejects the abuse table with a human-readable reason", () => {
  it.each(rejected)("%s", (_name, input, reason) => {
    const result = normaliseAddress(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(typeof result.reason).toBe("string");
    // A sentence for a person, not a code: starts with a capital, has words, ends with punctuation.
    expect(result.reason).toMatch(/^[A-Z][^\n]*\s[^\n]*[.!]$/);
    expect(result.reason).toMatch(reason);
    expect(result).not.toHaveProperty("address");
  });
});

describe("normaliseAddress output", () => {
  it("is idempotent: normalising a normalised address changes nothing", () => {
    for (const [, input] of accepted) {
      const first = normaliseAddress(input);
      if (!first.ok) throw new Error(`expected ${String(input)} to be accepted`);
      expect(normaliseAddress(first.address)).toEqual(first);
    }
  });

  it("never contains characters outside a safe set, whatever was accepted", () => {
    for (const [, input] of accepted) {
      const result = normaliseAddress(input);
      if (result.ok) expect(result.address).toMatch(/^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9.-]+$/);
    }
  });
});
