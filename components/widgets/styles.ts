// Every widget's stylesheet, imported once by the entry page. Bundled together they arrive as one
// render-blocking file with the page instead of one small file per widget (Deep Learning had five
// stylesheets before its first paint); all of them are about 9 KiB gzipped. Add a new widget's CSS here.
import "./widget.css";
import "./activation-functions/activation-functions.css";
import "./convolution/convolution.css";
import "./cpu-gpu-race/cpu-gpu-race.css";
import "./gradient-descent/gradient-descent.css";
import "./layer-visualizer/layer-visualizer.css";
import "./overfitting/overfitting.css";
import "./tiny-transformer/tiny-transformer.css";
import "./tokenizer/tokenizer.css";
