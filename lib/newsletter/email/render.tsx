import "server-only";
import { sendTimeLabel } from "../zone";
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import { EmailLayout, styles } from "./EmailLayout";

export type RenderedMail = { subject: string; html: string; text: string };

async function finish(subject: string, element: ReactElement): Promise<RenderedMail> {
  const html = await render(element);
  return { subject, html, text: toPlainText(html) };
}

function Footer({ reason, unsubscribeUrl, siteUrl, timeZone }: { reason: string; unsubscribeUrl: string; siteUrl: string; timeZone: string }) {
  return (
    <>
      <p style={{ margin: "0 0 8px" }}>{reason}</p>
      <p style={{ margin: 0 }}>
        One letter a week, {sendTimeLabel(timeZone)}. No ads, no tracking pixels. To stop, <a href={unsubscribeUrl} style={styles.a}>unsubscribe in one click</a>. ·{" "}
        <a href={`${siteUrl}/letters`} style={styles.a}>
          Past letters
        </a>
      </p>
    </>
  );
}

export function confirmationMail(input: { confirmUrl: string; unsubscribeUrl: string; siteUrl: string; timeZone: string }): Promise<RenderedMail> {
  const subject = "Confirm your LumoMate letter";
  return finish(
    subject,
    <EmailLayout
      title={subject}
      preheader="One click to start your weekly letter about AI, in plain words."
      footer={<Footer reason="You get this because someone — we hope you — asked for the LumoMate letter with this address. If it was not you, ignore it: nothing will arrive." unsubscribeUrl={input.unsubscribeUrl} siteUrl={input.siteUrl} timeZone={input.timeZone} />}
    >
      <p className="lm-ink" style={styles.p}>
        Thanks for asking for the LumoMate letter: one short letter every {sendTimeLabel(input.timeZone)} that explains one idea from AI in plain words.
      </p>
      <p className="lm-ink" style={styles.p}>Please confirm that this address is yours. The link works for seven days.</p>
      <p style={{ margin: "24px 0" }}>
        <a href={input.confirmUrl} style={styles.button}>
          Confirm my subscription
        </a>
      </p>
      <p className="lm-muted" style={{ ...styles.p, fontSize: "14px" }}>
        Or paste this into your browser: {input.confirmUrl}
      </p>
    </EmailLayout>,
  );
}

export function letterMail(input: { subject: string; preheader: string; body: ReactElement; webUrl: string; unsubscribeUrl: string; siteUrl: string; timeZone: string }): Promise<RenderedMail> {
  return finish(
    input.subject,
    <EmailLayout
      title={input.subject}
      preheader={input.preheader}
      footer={<Footer reason="You get this letter because you subscribed to it on LumoMate and confirmed your address." unsubscribeUrl={input.unsubscribeUrl} siteUrl={input.siteUrl} timeZone={input.timeZone} />}
    >
      <h1 className="lm-ink" style={{ margin: "0 0 16px", fontSize: "26px", lineHeight: "1.25", color: "#1d1b18" }}>
        {input.subject}
      </h1>
      {input.body}
      <p className="lm-muted" style={{ ...styles.p, fontSize: "14px" }}>
        <a href={input.webUrl} style={styles.a}>
          Read this letter on the web
        </a>
      </p>
    </EmailLayout>,
  );
}
