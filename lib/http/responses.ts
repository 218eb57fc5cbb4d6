import "server-only";

/** A redirect after a POST: the browser follows it with a GET (303), so a reload does not repost. */
export function redirect(location: string, status = 303): Response {
  return new Response(null, { status, headers: { location } });
}
