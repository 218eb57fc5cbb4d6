import type { ReactNode } from "react";

const ink = "#1d1b18";
const muted = "#5a554e";
const accent = "#2753a6";
const paper = "#faf7f2";

// Mail clients ignore external CSS and most <style>; inline styles carry the light look and the
// small <style> block carries dark mode for the clients that honour prefers-color-scheme.
const darkCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .lm-bg { background: #17181b !important; }
  .lm-card { background: #202227 !important; }
  .lm-ink { color: #ece7df !important; }
  .lm-muted { color: #aaa398 !important; }
  a { color: #8fb3ff !important; }
}`;

export const styles = {
  p: { margin: "0 0 16px", fontSize: "17px", lineHeight: "1.6", color: ink },
  h2: { margin: "28px 0 10px", fontSize: "21px", lineHeight: "1.3", color: ink, fontWeight: 600 },
  a: { color: accent },
  li: { margin: "0 0 8px", fontSize: "17px", lineHeight: "1.6", color: ink },
  button: { display: "inline-block", background: accent, color: "#ffffff", padding: "12px 22px", borderRadius: "6px", textDecoration: "none", fontWeight: 600 },
};

type Props = { title: string; preheader: string; children: ReactNode; footer: ReactNode };

/** One column, paper and ink, no images, no tracking: the letter and a footer that says why and how to leave. */
export function EmailLayout({ title, preheader, children, footer }: Props) {
  return (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- an e-mail's own HTML document, never a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{title}</title>
        <style>{darkCss}</style>
      </head>
      <body className="lm-bg" style={{ margin: 0, padding: 0, background: paper }}>
        <div style={{ display: "none", maxHeight: 0, overflow: "hidden" }}>{preheader}</div>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} className="lm-bg" style={{ background: paper }}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} className="lm-card" style={{ maxWidth: "600px", background: "#ffffff", borderRadius: "8px" }}>
                  <tbody>
                    <tr>
                      <td style={{ padding: "28px 28px 8px", fontFamily: "Georgia, 'Times New Roman', serif" }}>
                        <p className="lm-ink" style={{ margin: "0 0 20px", fontSize: "20px", fontWeight: 700, color: ink }}>
                          Lumo<span style={{ color: accent }}>Mate</span>
                        </p>
                        {children}
                      </td>
                    </tr>
                    <tr>
                      <td className="lm-muted" style={{ padding: "16px 28px 28px", fontFamily: "Helvetica, Arial, sans-serif", fontSize: "13px", lineHeight: "1.5", color: muted, borderTop: "1px solid #e4ded3" }}>
                        {footer}
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}
