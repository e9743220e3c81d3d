// Every call to the Tessera API goes through here: the bearer token, JSON, problem+json turned into an ApiError
// whose message is the server's own words, and the busy indicator for requests slower than a moment.
import { busyStart } from '../ui/busy';

const TOKEN_KEY = 'tessera.token';

export function token(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(value: string | null): void {
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
}

/** An error answer from the API: RFC 9457 problem+json with Tessera's stable code and the field it concerns. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** A body sent as it is (an uploaded file) instead of as JSON. */
  raw?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.raw !== undefined && !headers['Content-Type']) {
    headers['Content-Type'] = 'application/json';
  }
  const done = busyStart();
  try {
    let response: Response;
    try {
      response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError('Tessera cannot be reached. Check that the server is running.', 0, 'network_error');
    }
    if (!response.ok) throw await problem(response);
    return response;
  } finally {
    done();
  }
}

export async function json<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function problem(response: Response): Promise<ApiError> {
  let detail = '';
  let code = `http_${response.status}`;
  let field: string | undefined;
  try {
    const body = await response.json();
    detail = body.detail ?? body.title ?? '';
    code = body.code ?? code;
    field = body.field ?? body.parameter;
  } catch {
    // not JSON: fall back to the status text below
  }
  if (response.status === 401 && code === 'unauthorized' && !detail) detail = 'Please sign in.';
  if (response.status === 404 && !detail) detail = 'Not found, or you may not see it.';
  return new ApiError(detail || `${response.status} ${response.statusText}`.trim(), response.status, code, field);
}
