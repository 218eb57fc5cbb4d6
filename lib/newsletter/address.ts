import { domainToASCII } from "node:url";

export type AddressResult = { ok: true; address: string } | { ok: false; reason: string };

const MAX_LENGTH = 254;
// RFC 5322 "atext" plus dots between atoms: what real mailboxes use, nothing that needs quoting.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks and normalises an e-mail address: trimmed, lower-cased (so Mixed@Case is one
 * subscriber), and an international domain turned into its ASCII (punycode) form.
 */
export function normaliseAddress(input: unknown): AddressResult {
  if (typeof input !== "string") return { ok: false, reason: "Please enter your e-mail address." };
  if (/[\r\n\0]/.test(input)) return { ok: false, reason: "That address contains characters an address cannot have." };
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, reason: "Please enter your e-mail address." };
  if (trimmed.length > MAX_LENGTH) return { ok: false, reason: "That address is too long (254 characters at most)." };
  const parts = trimmed.split("@");
  if (parts.length !== 2) return { ok: false, reason: "An address has exactly one @, like reader@example.com." };
  const [local, rawDomain] = parts;
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return { ok: false, reason: "The part before the @ is not a valid mailbox name." };
  }
  // domainToASCII parses a URL host: it would cut "example.com/x", "?x", "#x" or "\\x" down to
  // "example.com", drop tabs and decode %-escapes. Only letters, digits, "-", "." and non-ASCII
  // (for IDN) may reach it.
  if (!/^[A-Za-z0-9.\-\u0080-\uffff]+$/.test(rawDomain)) return { ok: false, reason: "The part after the @ is not a valid domain." };
  const domain = domainToASCII(rawDomain.toLowerCase());
  const labels = domain.split(".");
  if (domain === "" || labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, reason: "The part after the @ is not a valid domain." };
  }
  const address = `${local.toLowerCase()}@${domain}`;
  if (address.length > MAX_LENGTH) return { ok: false, reason: "That address is too long (254 characters at most)." };
  return { ok: true, address };
}
