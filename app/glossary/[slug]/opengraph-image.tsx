import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { glossary } from "@/lib/content/load";
import { fontCodePoints } from "@/lib/seo/font-coverage";
import { DEFINITION_LINE_HEIGHT, OG_BOX, OG_SIZE, TITLE_LINE_HEIGHT, drawableText, ogLayout } from "@/lib/seo/og";
import { site } from "@/lib/site";

// The card shared when an entry is linked: the term and its definition on paper, drawn at build time.
export const alt = `${site.name}: a glossary term and its one-line definition`;
export const size = OG_SIZE;
export const contentType = "image/png";
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return glossary().entries.map(({ slug }) => ({ slug }));
}

const PAPER = "#faf7f2";
const INK = "#1d1b18";
const INK_MUTED = "#4a463f";
const ACCENT = "#2753a6";

// Fonts come from node_modules, never the network. satori reads WOFF but not WOFF2, and of our
// @fontsource packages only JetBrains Mono ships WOFF; latin-ext is there as a fallback for accents.
const fontFile = (subset: "latin" | "latin-ext", weight: 400 | 700) =>
  readFile(path.join(process.cwd(), "node_modules/@fontsource/jetbrains-mono/files", `jetbrains-mono-${subset}-${weight}-normal.woff`));
const fontFiles = [
  { name: "JetBrains Mono", subset: "latin", weight: 400 },
  { name: "JetBrains Mono", subset: "latin", weight: 700 },
  { name: "JetBrains Mono Ext", subset: "latin-ext", weight: 400 },
  { name: "JetBrains Mono Ext", subset: "latin-ext", weight: 700 },
] as const;
const fonts = await Promise.all(
  fontFiles.map(async (f) => ({ name: f.name, weight: f.weight, style: "normal" as const, data: await fontFile(f.subset, f.weight) })),
);
// next/og asks Google Fonts for any character no loaded font has; keep to the ones we can draw.
const drawable = new Set(fonts.flatMap((f) => [...fontCodePoints(new Uint8Array(f.data))]));
const draw = (text: string) => drawableText(text, (cp) => drawable.has(cp));

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const entry = glossary().bySlug.get((await params).slug);
  if (!entry) return new Response("Not found", { status: 404 });
  const title = draw(entry.title);
  const definition = draw(entry.definition);
  const layout = ogLayout(title, definition);

  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", background: PAPER, color: INK, fontFamily: "JetBrains Mono, JetBrains Mono Ext" }}>
        <div style={{ width: OG_BOX.bar, height: "100%", background: ACCENT }} />
        <div
          style={{
            flex: 1,
            display: "flex",
            flexDirection: "column",
            padding: `${OG_BOX.padTop}px ${OG_BOX.padX}px ${OG_BOX.padBottom}px`,
          }}
        >
          <div style={{ display: "flex", height: OG_BOX.eyebrow, fontSize: 24, letterSpacing: 6, color: ACCENT, fontWeight: 700 }}>GLOSSARY</div>
          <div style={{ display: "flex", marginTop: 24, fontSize: layout.titleSize, lineHeight: TITLE_LINE_HEIGHT, fontWeight: 700, letterSpacing: -1 }}>{title}</div>
          <div
            style={{
              display: "block",
              marginTop: 28,
              fontSize: layout.definitionSize,
              lineHeight: DEFINITION_LINE_HEIGHT,
              color: INK_MUTED,
              lineClamp: 6,
            }}
          >
            {definition}
          </div>
          <div
            style={{
              marginTop: "auto",
              height: OG_BOX.footer,
              display: "flex",
              alignItems: "flex-end",
              justifyContent: "space-between",
              borderTop: `2px solid ${INK}`,
              paddingBottom: 2,
            }}
          >
            <div style={{ display: "flex", fontSize: 40, fontWeight: 700 }}>
              <span>Lumo</span>
              <span style={{ color: ACCENT }}>Mate</span>
            </div>
            <div style={{ display: "flex", fontSize: 22, color: INK_MUTED, paddingBottom: 8 }}>AI, explained one idea at a time</div>
          </div>
        </div>
      </div>
    ),
    { ...size, fonts },
  );
}
