/** Browser session cookies: names, parsing and the Set-Cookie attributes. Pure. */
export const ACCESS_COOKIE = 'sw_access';
export const REFRESH_COOKIE = 'sw_refresh';
export const CSRF_COOKIE = 'sw_csrf';
/** The header a browser client echoes the CSRF cookie in on unsafe methods (double submit). */
export const CSRF_HEADER = 'x-csrf-token';
/** The refresh cookie goes only to the session endpoints. */
export const REFRESH_COOKIE_PATH = '/v1/auth/session';

/** Parses a Cookie header; malformed pairs are skipped, the first of a repeated name wins. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2)
      value = value.slice(1, -1);
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  path?: string;
  httpOnly?: boolean;
  secure?: boolean;
}

/** One Set-Cookie value; always SameSite=Strict, so no other site's page can send it. */
export function serializeCookie(name: string, value: string, o: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${o.path ?? '/'}`,
    `Max-Age=${Math.max(0, Math.floor(o.maxAgeSeconds))}`,
    'SameSite=Strict',
  ];
  if (o.httpOnly !== false) parts.push('HttpOnly');
  if (o.secure) parts.push('Secure');
  return parts.join('; ');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a cookie-authenticated request passes the double-submit check: safe methods always;
 * unsafe ones only with the CSRF cookie's value echoed in the header (another site can send the
 * cookie's request but cannot read the cookie to echo it).
 */
export function csrfSatisfied(
  method: string,
  cookieToken: string | undefined,
  headerToken: string | undefined,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!cookieToken || !headerToken || cookieToken.length < 16) return false;
  if (cookieToken.length !== headerToken.length) return false;
  let diff = 0;
  for (let i = 0; i < cookieToken.length; i++)
    diff |= cookieToken.charCodeAt(i) ^ headerToken.charCodeAt(i);
  return diff === 0;
}
