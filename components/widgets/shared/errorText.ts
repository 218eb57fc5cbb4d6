/** An error as the reader sees it in a widget's summary ("Something went wrong: …"). */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
