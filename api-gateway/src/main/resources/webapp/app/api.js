import { accessToken } from './session.js';

/** A refusal from Boxoffice: its problem document (RFC 7807) and the Retry-After it came with. */
export class ApiProblem extends Error {
  constructor(status, problem, retryAfter) {
    super(problem.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem.code ?? 'unknown';
    this.detail = problem.detail;
    this.seats = problem.seats;
    this.retryAfter = retryAfter;
  }
}

/** Signed out, or the session could not be renewed: the caller sends the user to the login page. */
export class SessionEnded extends Error {
}

/**
 * A JSON call. With `auth`, the access token goes along; a 401 renews it once and tries again, and a session that
 * cannot be renewed is SessionEnded.
 */
export async function call(method, path, { body, auth = false } = {}) {
  let token = auth ? await accessToken() : null;
  if (auth && !token) throw new SessionEnded();
  let response = await send(method, path, body, token);
  if (auth && response.status === 401) {
    token = await accessToken(true);
    if (!token) throw new SessionEnded();
    response = await send(method, path, body, token);
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, json ?? {}, response.headers.get('Retry-After'));
  }
  return json;
}

function send(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
