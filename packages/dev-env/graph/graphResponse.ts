/** What a route handler answers; the server turns it into HTTP (and may corrupt it when a fault says so). */
export interface GraphResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, or a pre-serialised JSON string (error bodies) */
  body: unknown;
  /** true when the response carries an @odata.nextLink or @odata.deltaLink (a "page") */
  paged?: boolean;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): GraphResponse {
  return { status, body, headers };
}
