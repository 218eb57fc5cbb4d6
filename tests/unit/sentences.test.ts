import { describe, expect, it } from "vitest";
import { claimIn, claimedNumbers, splitSentences, wordCount } from "@/lib/content/sentences";

describe("splitSentences", () => {
  it("ends sentences at full stops, question and exclamation marks", () => {
    expect(splitSentences("One idea. Another one? Yes! Done.")).toEqual(["One idea.", "Another one?", "Yes!", "Done."]);
  });

  it("keeps abbreviations, initials, decimals and 'et al.' inside the sentence", () => {
    expect(splitSentences("Some units, e.g. Neurons, switch off. Others, i.e. The rest, stay.")).toEqual(["Some units, e.g. Neurons, switch off.", "Others, i.e. The rest, stay."]);
    expect(splitSentences("Dr. Hinton and N. Srivastava et al. Wrote it in 2014. A rate of 0.5 is common.")).toEqual([
      "Dr. Hinton and N. Srivastava et al. Wrote it in 2014.",
      "A rate of 0.5 is common.",
    ]);
  });

  it("keeps a closing quote with its sentence, and a quoted title's question mark inside it", () => {
    expect(splitSentences('The paper is "Attention Is All You Need." It changed the field.')).toEqual(['The paper is "Attention Is All You Need."', "It changed the field."]);
    expect(splitSentences('"Is it real?" asked the reader. Nobody knew.')).toEqual(['"Is it real?" asked the reader.', "Nobody knew."]);
  });

  it("reads line breaks inside a paragraph as spaces", () => {
    expect(splitSentences("A sentence that\nwraps. Then another.")).toEqual(["A sentence that wraps.", "Then another."]);
  });
});

describe("wordCount", () => {
  it("counts words, not dashes or dots between them", () => {
    expect(wordCount("A rate — say 0.5 — is common · often.")).toBe(7);
    expect(wordCount("Well-known trade-offs exist.")).toBe(3);
  });
});

describe("claimedNumbers", () => {
  it("finds numerals and years standing on their own", () => {
    expect(claimedNumbers("It arrived in 2017.")).toEqual(["2017"]);
    expect(claimedNumbers("A rate of 0.5 drops 50% of units; 16,384 chips; 8-bit weights; −127 to 127.")).toEqual(["0.5", "50", "16,384", "8", "127", "127"]);
    expect(claimedNumbers("In the 1980s, few did.")).toEqual(["1980s"]);
  });

  it("leaves out digits inside names and versions, and pointers within the page", () => {
    expect(claimedNumbers("GPT-4 runs on H100 chips with int8 weights and 3D maps.")).toEqual([]);
    expect(claimedNumbers("Llama 3.1 and Stable Diffusion 3 are names; a 7B model too.")).toEqual([]);
    expect(claimedNumbers("As step 3 and Fig. 2 show, it works.")).toEqual([]);
  });

  it("does not take a sentence's first word for a name", () => {
    expect(claimedNumbers("About 100 million ratings.")).toEqual(["100"]);
    expect(claimedNumbers("In 2012, it won.")).toEqual(["2012"]);
  });
});

describe("claimIn", () => {
  it("counts every 'first', and nothing in a sentence without numbers", () => {
    expect(claimIn("It was the first network to do this.")).toBe('says "first"');
    expect(claimIn("First, the data is split.")).toBe('says "first"');
    expect(claimIn("Networks learn from examples.")).toBeUndefined();
  });
});
