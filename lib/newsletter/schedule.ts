/** When letters go out: Monday 08:00 in the letter time zone, whatever daylight saving is doing. */
export const SEND_HOUR = 8;
/** A letter more than this late is held back for the owner to decide, not sent on its own. */
export const MAX_LATENESS_MS = 12 * 3600 * 1000;

function offsetMs(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant at which the clocks in `timeZone` show `date` (YYYY-MM-DD) at hour:minute. */
export function zonedTime(date: string, hour: number, minute: number, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  let guess = wall - offsetMs(timeZone, wall);
  // Once more, with the offset in force at the guessed instant (it differs across a DST change).
  guess = wall - offsetMs(timeZone, guess);
  return guess;
}

export function sendTime(letterDate: string, timeZone: string): number {
  return zonedTime(letterDate, SEND_HOUR, 0, timeZone);
}

export type LetterTiming = { slug: string; at: number; state: "future" | "due" | "held-back" };

export function timing(letter: { slug: string; date: string }, now: number, timeZone: string): LetterTiming {
  const at = sendTime(letter.date, timeZone);
  const state = now < at ? "future" : now - at <= MAX_LATENESS_MS ? "due" : "held-back";
  return { slug: letter.slug, at, state };
}
