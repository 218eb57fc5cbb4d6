// Our command-line tools are server code too: let them import modules marked `import "server-only"`
// (that marker only exists to keep such modules out of browser bundles).
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
      return next(specifier, context);
    }`),
);
