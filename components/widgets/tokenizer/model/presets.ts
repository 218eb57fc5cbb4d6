/** The example texts and context-window sizes the widget offers. Data only: safe to load early. */

export type PresetId = "english" | "code" | "emoji" | "japanese" | "long";

export type Preset = { id: PresetId; label: string; text: string };

const REPORT = `Quarterly report, page three. Sales in the northern region rose by a fifth, mostly thanks to the new delivery routes that opened in April. Costs grew more slowly than sales, so the margin improved for the first time in two years.

The southern region had a harder quarter. A late spring delayed planting, and two of the four warehouses closed for repairs. The team expects to recover most of the lost volume by the end of the year.

Next quarter we will test a shorter checkout on the website, train new staff in both regions, and review the contracts with our three largest suppliers.

`;

/** Copies of the report in the long example: 118 tokens each, so 80 copies overflow an 8,192-token window. */
export const LONG_COPIES = 80;

export const PRESETS: readonly Preset[] = [
  { id: "english", label: "English", text: "Tokenisation isn't hard! Most common words are a single token, while unusual ones, like antidisestablishmentarianism, are built from pieces." },
  {
    id: "code",
    label: "Code",
    text: `def average(numbers):
    """Return the mean of a list."""
    if not numbers:
        return 0.0
    return sum(numbers) / len(numbers)
`,
  },
  { id: "emoji", label: "Emoji", text: "I ❤️ tokens 🎉 Thumbs up 👍🏽, a family 👨‍👩‍👧 and a flag 🇯🇵 each cost more than one." },
  { id: "japanese", label: "Japanese", text: "東京は日本の首都です。言語モデルは文章をトークンに分けて読みます。" },
  { id: "long", label: "Long report", text: REPORT.repeat(LONG_COPIES) },
];

export function presetById(id: string | undefined): Preset {
  return PRESETS.find((p) => p.id === id) ?? PRESETS[0];
}

export type WindowSize = { tokens: number; label: string };

/** Real context windows of models that used this very tokenizer (cl100k_base). */
export const WINDOW_SIZES: readonly WindowSize[] = [
  { tokens: 4_096, label: "4,096 tokens · GPT-3.5 (2023)" },
  { tokens: 8_192, label: "8,192 tokens · GPT-4 (2023)" },
  { tokens: 32_768, label: "32,768 tokens · GPT-4-32k (2023)" },
  { tokens: 128_000, label: "128,000 tokens · GPT-4 Turbo (2023)" },
];

export const DEFAULT_WINDOW = 8_192;

/** A supported window size: the one asked for when it is offered, otherwise the default. */
export function windowSize(tokens: number | undefined): number {
  return WINDOW_SIZES.some((w) => w.tokens === tokens) ? tokens! : DEFAULT_WINDOW;
}

/** At most this many characters are tokenized (a long novel chapter); the textarea stops there. */
export const MAX_CHARACTERS = 200_000;

/** At most this many chips are drawn; the counts always cover the whole text. */
export const MAX_CHIPS = 500;
