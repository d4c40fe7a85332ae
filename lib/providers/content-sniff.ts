/**
 * Content checks that do not trust the status code: several providers answer HTTP 200 with an
 * HTML page (a consent wall, a captcha, "get an API key") instead of data.
 */

/** True when the body looks like an HTML document rather than JSON or CSV. */
export function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 512).trimStart().toLowerCase();
  return (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<head') ||
    head.startsWith('<body') ||
    /<(html|head|body|script|title)[\s>]/.test(head)
  );
}

/** True when the body asks for an API key or announces a hits limit (Stooq's wording and similar). */
export function looksLikeApiKeyOrLimitPage(body: string): boolean {
  const head = body.slice(0, 2048).toLowerCase();
  return (
    /\bapi[\s_-]?key\b/.test(head) ||
    head.includes('apikey') ||
    head.includes('exceeded the daily hits limit') ||
    head.includes('too many requests')
  );
}
