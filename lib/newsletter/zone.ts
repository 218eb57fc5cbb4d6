/** The letter's zone as readers see it: "Europe/London" → "London time", "America/New_York" → "New York time". */
export const DEFAULT_LETTER_TIME_ZONE = "Europe/London";

export function zoneName(zone: string): string {
  if (/^(UTC|GMT|Etc\/(UTC|GMT|Universal|Zulu))$/i.test(zone)) return "UTC";
  if (zone.startsWith("Etc/")) return zone.slice(4);
  return `${zone.split("/").at(-1)!.replaceAll("_", " ")} time`;
}

/** "Monday 08:00, London time": the send time as every page and mail states it. */
export function sendTimeLabel(zone: string = process.env.LETTER_TIME_ZONE || DEFAULT_LETTER_TIME_ZONE): string {
  return `Monday 08:00, ${zoneName(zone)}`;
}
