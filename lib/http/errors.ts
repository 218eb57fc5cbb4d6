import "server-only";

/** A request the server refuses on purpose: answered with its status and a JSON reason, never a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * Wraps a route handler so that an HttpError thrown anywhere inside becomes its JSON answer
 * (`{ status: code, message }` with the error's status and headers); anything else is a real fault
 * and propagates to Next.
 */
export function withHttpErrors<Args extends unknown[]>(handler: (request: Request, ...rest: Args) => Promise<Response>) {
  return async (request: Request, ...rest: Args): Promise<Response> => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      if (error instanceof HttpError) return httpErrorResponse(error);
      throw error;
    }
  };
}

export function httpErrorResponse(error: HttpError): Response {
  return Response.json({ status: error.code, message: error.message }, { status: error.status, headers: error.headers });
}
