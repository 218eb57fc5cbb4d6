/** Errors that mean "the database is busy right now", worth a short retry rather than a failure. */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? "";
  return ["SQLITE_BUSY", "SQLITE_LOCKED", "40001", "40P01", "57P03", "53300", "ECONNRESET", "ECONNREFUSED"].includes(code);
}

export async function withRetry<T>(work: () => Promise<T>, attempts = 4, delayMs = 25): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts || !isTransient(error)) throw error;
      await new Promise((r) => setTimeout(r, delayMs * 2 ** i));
    }
  }
}
