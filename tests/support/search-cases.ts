// What a reader types → the entry that must come first: typos, aliases, abbreviations and words
// found only in a definition. Shared by the unit test (the index) and the e2e test (the dialog).
export const SEARCH_CASES: [query: string, slug: string][] = [
  ["nueral", "neural-network"], // two letters swapped
  ["neural network", "neural-network"], // not the longer titles that contain it
  ["backprop", "backpropagation"], // alias
  ["LLM", "large-language-model"], // abbreviation, any case
  ["llms", "large-language-model"],
  ["convolutional", "convolutional-neural-network"],
  ["CNN", "convolutional-neural-network"],
  ["tokn", "token"], // a letter missing
  ["tokenizer", "token"],
  ["gpu", "gpu"],
  ["RAG", "retrieval-augmented-generation"],
  ["overfiting", "overfitting"],
  ["embeddings", "embedding"], // plural alias
  ["word vectors", "word-embedding"], // its own entry since 2026-12-03 (the alias moved from embedding)
  ["transfomer", "transformer"],
  ["learning rate", "learning-rate"], // two words, not every "… Learning"
  ["machine learning", "machine-learning"],
  ["rlhf", "rlhf"],
  ["human feedback", "rlhf"],
  ["diffusion", "diffusion-model"],
  ["stable diffusion", "diffusion-model"],
  ["halucination", "hallucination"],
  ["GAN", "generative-adversarial-network"],
  ["speech to text", "speech-recognition"],
  ["AI", "artificial-intelligence"],
  ["weights", "weight"], // its own entry since 2026-12-02 (the alias moved from parameters)
  ["model weights", "parameters"], // alias
  ["ReLU", "activation-function"],
  ["tanh", "activation-function"],
  ["sigmoid", "activation-function"],
  ["self-attention", "attention"],
  ["moe", "mixture-of-experts"],
  ["CoT", "chain-of-thought"],
  ["SFT", "fine-tuning"],
  ["ASR", "speech-recognition"],
  ["RL", "reinforcement-learning"], // its own alias, though "rl" begins RLHF
  ["LSTM", "recurrent-neural-network"],
  ["optimizer", "optimizer"], // its own entry since 2026-12-02 (the alias moved from gradient-descent)
  ["optimiser", "optimizer"], // British spelling is an alias
  ["SGD", "stochastic-gradient-descent"], // alias, moved from gradient-descent
  ["mini-batch gradient descent", "stochastic-gradient-descent"],
  ["adam", "adam-optimizer"], // alias
  ["AdamW", "adam-optimizer"],
  ["régularisation", "regularization"], // accents folded, British spelling is an alias
  ["clustering", "clustering"], // its own entry since 2026-12-02 (the alias moved from unsupervised-learning)
  ["cluster analysis", "clustering"], // alias
  ["dev set", "validation-set"], // alias
  ["attenton", "attention"],
  ["chip", "gpu"], // only in the definition
  ["fewer bits", "quantization"], // only in the definition
  ["fluent confidence", "hallucination"], // only in the definition
  // Terms readers bring from 2026's news and from ML courses (issue #15's first entries).
  ["softmax", "softmax"],
  ["temperature", "temperature"],
  ["agent", "ai-agent"],
  ["agentic AI", "ai-agent"],
  ["MoE", "mixture-of-experts"],
  ["KV cache", "kv-cache"],
  ["logit", "logits"],
  ["F1 score", "precision-and-recall"],
  ["recall", "precision-and-recall"],
  ["log loss", "cross-entropy"],
  ["skip connection", "residual-connection"],
  ["exploding gradient", "vanishing-gradient"],
  ["k-fold", "cross-validation"],
  ["false positive", "confusion-matrix"],
  ["hyperparameters", "hyperparameter"],
  ["thinking model", "reasoning-model"],
  ["prompt injection", "prompt-injection"],
  ["jailbreaking", "jailbreak"],
  ["hidden layers", "hidden-layer"],
  ["next token prediction", "next-token-prediction"],
  // Plurals of a title name it, though the plural is a word of other entries too.
  ["neural networks", "neural-network"],
  ["large language models", "large-language-model"],
  ["vanishing gradients", "vanishing-gradient"],
  ["system prompts", "system-prompt"],
];
