// Plain-text sentence rules for the editorial checks: where sentences end, how many words they
// have, and whether they state something a reader should be able to trace (a number, a year, a
// "first"). The text comes from the MDX syntax tree, so JSX props, math and code never reach here.

/** Words after which a full stop does not end the sentence ("e.g.", "Dr.", "et al.", "Fig."). */
const ABBREVIATIONS = new Set(["e.g", "i.e", "cf", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "fig", "figs", "no", "al", "approx", "ca", "jr", "sr", "inc", "ltd", "vol", "pp", "eq"]);

/** Capitalised words that stand before a number without making it part of a name ("In 2017", "About 100"). */
const NOT_A_NAME = new Set(
  "a about above across add after all almost along among an and any around as at before below between but by each every few for from given if in into is it its just less many more most multiply nearly of on only or our over per pick roughly since so some than that the their then these they this those to today under until up use using we what when where which while with within you your".split(" "),
);

/** Words that make the number after them a pointer within the page ("step 3", "Fig. 2"), not a claim. */
const CROSS_REFERENCE = new Set(["step", "steps", "fig.", "figure", "figures", "table", "section"]);

/** A candidate end: `.`, `!`, `?` or `…` (closing quotes and brackets stay with the sentence), then space. */
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}])/gu;

function endsWithAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1].replace(/^[("'“‘[]+/, "") ?? "";
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initials and dotted abbreviations: "A. Author", "U.S.", "e.g" already handled above.
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits running text into sentences; whitespace (including line breaks) is normalised first. */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return [];
  const sentences: string[] = [];
  let start = 0;
  for (const match of flat.matchAll(BOUNDARY)) {
    const end = match.index + match[1].length + match[2].length;
    if (match[1] === "." && endsWithAbbreviation(flat.slice(start, match.index))) continue;
    sentences.push(flat.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Words as a reader counts them: anything with a letter or digit ("—" and "·" are not words). */
export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * A numeral standing on its own (2012, 0.5, 50%, 16,384, 8-bit, −127), not digits inside a name
 * (GPT-4, H100, int8, 3D, 7B): no letter, digit or hyphen directly before, no letter after.
 * A decade ("1980s") counts as the year it is.
 */
const NUMERAL = /(?<![\p{L}\p{N}_\-‐.,])(\d+(?:,\d{3})*(?:\.\d+)?)(s?)(?![\p{L}\p{N}_])/gu;
const YEAR = /^(1[5-9]|20)\d\d$/;

/** The numbers and years in a sentence that make it a claim to cite; names with versions are left out. */
export function claimedNumbers(sentence: string): string[] {
  const found: string[] = [];
  for (const match of sentence.matchAll(NUMERAL)) {
    const [, numeral, decade] = match;
    if (decade && !YEAR.test(numeral)) continue; // "7s" is not a number we cite
    const isYear = YEAR.test(numeral);
    // "Llama 3.1", "Python 3", "Stable Diffusion 3", "Step 2": a name and its version or label.
    const previous = (/(\S+) $/.exec(sentence.slice(0, match.index))?.[1] ?? "").replace(/^[("'“‘[]+/, "");
    const namePart = /^[\p{Lu}][\p{L}\p{N}.-]*$/u.test(previous) && !NOT_A_NAME.has(previous.toLowerCase());
    if (!isYear && (namePart || CROSS_REFERENCE.has(previous.toLowerCase()))) continue;
    found.push(numeral + decade);
  }
  return found;
}

/** Why a sentence needs a citation, or undefined when it makes no such claim. */
export function claimIn(sentence: string): string | undefined {
  const numbers = claimedNumbers(sentence);
  if (numbers.length > 0) return `states ${numbers.slice(0, 3).map((n) => `"${n}"`).join(", ")}`;
  if (/\bfirst\b/i.test(sentence)) return 'says "first"';
  return undefined;
}

/** A sentence as quoted in an error line: whole when short, else its start and "…". */
export function quote(sentence: string, max = 90): string {
  if (sentence.length <= max) return `"${sentence}"`;
  return `"${sentence.slice(0, max).replace(/\s+\S*$/, "")} …"`;
}
