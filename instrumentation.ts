// Runs once when the server starts: refuse to serve production without its secrets, open the
// database (running any pending migrations), send confirmation mails left in the outbox, and start
// the letter scheduler (unless LETTER_WORKER=off).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const { ConfigError, env, requirePeerTag } = await import("./lib/newsletter/env");
  let config;
  try {
    config = env();
    if (!building) requirePeerTag();
  } catch (error) {
    // Next logs an error thrown here and serves anyway, every page a 500. A server without its
    // secrets must not come up at all: say why and stop.
    if (error instanceof ConfigError && !building) {
      console.error(`[lumomate] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.production && process.env.NODE_ENV === "production") {
    console.warn("[lumomate] Using the development NEWSLETTER_SECRET and SITE_URL. Fine on your own machine; never on a public server.");
  }
  if (building) return;
  // Next answers nothing until register() returns, and pages do not need the database: open it (and
  // run any migrations) a moment after start, so loading the database code does not hold up the first
  // pages (0.08 s of a 0.55 s start, measured with bench/start-time.mjs). A signup that comes first
  // opens it itself (store() is shared); a database that cannot be opened still stops the instance.
  const letterWorker = config.letterWorker;
  const mail = config.smtpUrl ? "via SMTP" : `to ${config.outboxDir}/ as .eml files`;
  const timeZone = config.letterTimeZone;
  const open = async () => {
    try {
      const { store } = await import("./lib/newsletter/db");
      const { kickOutbox, startLetterScheduler } = await import("./lib/newsletter/service");
      const s = await store();
      console.log(`[lumomate] database ready (${s.dialect}); mail ${mail}`);
      kickOutbox();
      // The letters go out from here too unless a deployment runs `npm run worker` instead (LETTER_WORKER=off).
      if (letterWorker) {
        console.log(`[lumomate] letter scheduler on: letters go out ${timeZone} Mondays 08:00 (LETTER_WORKER=off to leave it to \`npm run worker\`)`);
        startLetterScheduler();
      }
    } catch (error) {
      console.error("[lumomate] the database could not be opened:", error);
      process.exit(1);
    }
  };
  setTimeout(() => void open(), 400);
}
