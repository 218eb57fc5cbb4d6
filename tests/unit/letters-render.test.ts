import { describe, expect, it } from "vitest";
import { loadLetters } from "@/lib/letters/load";
import { letterBody } from "@/lib/newsletter/email/letterBody";
import { letterMail } from "@/lib/newsletter/email/render";

// Every letter in content/letters/ renders to a mail now, at test time, rather than failing on the
// Monday morning it is due.
describe("every letter renders as a mail", () => {
  for (const letter of loadLetters()) {
    it(letter.slug, async () => {
      const mail = await letterMail({
        subject: letter.subject,
        preheader: letter.preheader,
        body: await letterBody(letter.body, "https://lumomate.test"),
        webUrl: `https://lumomate.test/letters/${letter.slug}`,
        unsubscribeUrl: "https://lumomate.test/newsletter/unsubscribe?token=t",
        siteUrl: "https://lumomate.test",
        timeZone: "Europe/London",
      });
      expect(mail.html).toContain(letter.subject.replaceAll("'", "&#x27;"));
      expect(mail.text.length).toBeGreaterThan(500);
      expect(mail.text).toContain("Monday 08:00, London time");
      expect(mail.html).not.toMatch(/<img/i);
    });
  }
});
