/** A report link in a message: `<PUBLIC_URL>/report/<token>`, the token base64url as the API makes it. */
const REPORT_LINK = /\bhttps?:\/\/[^\s/]+(?:\/[^\s/]+)*?\/report\/([A-Za-z0-9_-]{22,128})(?![A-Za-z0-9_-])/g;

/** A message body cut into plain text and report links (with the token each one carries). */
export type BodyPart = { text: string; token?: string };

/** Splits a message body around its report links; text without one comes back as a single part. */
export function splitReportLinks(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let at = 0;
  for (const match of body.matchAll(REPORT_LINK)) {
    const [url, token] = match;
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ text: url, token });
    at = match.index + url.length;
  }
  if (at < body.length || parts.length === 0) parts.push({ text: body.slice(at) });
  return parts;
}
