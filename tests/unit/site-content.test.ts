import { describe, expect, it } from "vitest";
import { loadGlossary } from "@/lib/content/load";
import { linkedSlugs } from "@/lib/content/mentions";
import { termsOf } from "@/lib/content/terms.mjs";

// The real glossary: what the site ships must load, and every promise of the foundation holds.
describe("the shipped glossary", () => {
  const { entries, bySlug } = loadGlossary();

  it("has Deep Learning and every term it relates to", () => {
    const deep = bySlug.get("deep-learning");
    expect(deep?.related.map((r) => r.slug)).toEqual(["machine-learning", "neural-network", "large-language-model", "artificial-intelligence", "gpu"]);
    for (const r of deep!.related) expect(bySlug.has(r.slug)).toBe(true);
  });

  it("gives every entry the full structure in its body", () => {
    for (const entry of entries) {
      const headings = [...entry.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(headings[0], entry.slug).toMatch(/^What (is|are) /);
      expect(headings.slice(1), entry.slug).toEqual(["A real-world analogy", "Why it matters", "How it works", "Common examples", "Key takeaway"]);
      expect(entry.body, entry.slug).toMatch(/<Analogy>[\s\S]+<\/Analogy>/);
      expect(entry.body, entry.slug).toMatch(/<Steps>\s+1\. [\s\S]+<\/Steps>/);
      expect(entry.body, entry.slug).toMatch(/<KeyTakeaway>[\s\S]+<\/KeyTakeaway>/);
    }
  });

  it("makes every entry reachable from at least two others, through prose links or related terms", () => {
    const terms = termsOf(entries);
    const links = new Map(entries.map((e) => [e.slug, linkedSlugs(e.body, e.slug, terms)]));
    for (const entry of entries) {
      const linkers = entries.filter((other) => other !== entry && (links.get(other.slug)!.includes(entry.slug) || other.related.some((r) => r.slug === entry.slug)));
      expect(linkers.length, entry.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it("writes every title in the house casing, so the A–Z list reads as one list", () => {
    // Title Case; short joining words stay small; after a hyphen, lower case ("Few-shot Learning")
    // unless the part is an acronym; names keep their own casing.
    const OWN_CASING = new Set(["k-means", "k-nearest Neighbors", "n-gram", "Retrieval-Augmented Generation"]);
    const SMALL = new Set(["a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "vs"]);
    const wrong = (title: string) =>
      title.split(/[\s–]+/).some((word, i) => {
        const [head, ...tail] = word.replace(/[()]/g, "").split("-");
        const headOk = (i > 0 && SMALL.has(head)) || /^[A-Z0-9]/.test(head);
        return !headOk || tail.some((part) => part !== part.toLowerCase() && part !== part.toUpperCase());
      });
    expect(entries.filter((e) => !OWN_CASING.has(e.title) && wrong(e.title)).map((e) => e.title)).toEqual([]);
  });

  it("has the 45 entries the glossary promises", () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
  });

  it("has every one of the 140 terms readers look up that issue 15 lists (188 in all)", () => {
    const slugs = new Set(entries.map((e) => e.slug));
    expect(LOOKED_UP.length).toBe(140);
    expect(LOOKED_UP.filter((slug) => !slugs.has(slug))).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(188);
  });
});

/** Issue 15's list, by its sections: the terms readers bring from news and courses (no substitutions). */
const LOOKED_UP = [
  // Data and evaluation
  "algorithm", "feature", "hyperparameter", "validation-set", "test-set", "cross-validation", "underfitting", "bias-variance-tradeoff", "classification", "regression", "clustering", "dimensionality-reduction", "data-augmentation", "synthetic-data", "feature-engineering", "one-hot-encoding", "ground-truth", "accuracy", "precision-and-recall", "confusion-matrix", "roc-curve", "perplexity",
  // Classic machine learning
  "linear-regression", "logistic-regression", "decision-tree", "random-forest", "gradient-boosting", "k-nearest-neighbors", "support-vector-machine", "k-means", "principal-component-analysis", "naive-bayes", "perceptron",
  // Inside a network
  "weight", "gradient", "hidden-layer", "multilayer-perceptron", "softmax", "logits", "cross-entropy", "optimizer", "adam-optimizer", "stochastic-gradient-descent", "vanishing-gradient", "batch-normalization", "layer-normalization", "residual-connection", "early-stopping", "autoencoder", "variational-autoencoder", "latent-space", "encoder-decoder",
  // Language and LLMs
  "language-model", "n-gram", "word-embedding", "multi-head-attention", "positional-encoding", "bert", "gpt", "next-token-prediction", "temperature", "top-p-sampling", "beam-search", "byte-pair-encoding", "kv-cache", "mixture-of-experts", "scaling-laws", "emergent-abilities", "in-context-learning", "few-shot-learning", "zero-shot-learning", "chain-of-thought", "reasoning-model", "instruction-tuning", "system-prompt", "prompt-engineering", "prompt-injection", "jailbreak", "ai-agent", "tool-use", "vector-database", "semantic-search", "knowledge-distillation", "lora", "pruning", "foundation-model", "multimodal-model", "small-language-model", "open-weight-model", "pre-training", "post-training", "direct-preference-optimization", "machine-translation", "sentiment-analysis", "named-entity-recognition", "text-to-speech",
  // Vision
  "image-classification", "object-detection", "image-segmentation", "pooling", "vision-transformer", "clip", "text-to-image-model", "optical-character-recognition", "face-recognition",
  // Hardware and scale
  "tpu", "neural-processing-unit", "compute", "flops", "distributed-training", "checkpoint", "edge-ai",
  // Learning by reward
  "reward-function", "policy", "q-learning", "exploration-vs-exploitation", "self-play", "markov-decision-process",
  // Society and safety
  "ai-alignment", "ai-safety", "algorithmic-bias", "explainable-ai", "mechanistic-interpretability", "deepfake", "differential-privacy", "federated-learning", "ai-watermarking", "model-card", "red-teaming", "guardrails", "artificial-general-intelligence", "turing-test", "ai-regulation",
  // History and big ideas
  "generative-ai", "symbolic-ai", "expert-system", "ai-winter", "knowledge-graph", "robotics", "autonomous-vehicle",
];
