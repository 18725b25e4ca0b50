/**
 * Escaping for each output format, by that format's own rules. Reports carry text the
 * harness does not control (payloads, server stderr, file names), so every value goes
 * through one of these before it lands in a document.
 */

/**
 * Characters XML 1.0 forbids even as references (C0 controls except tab/LF/CR, lone
 * surrogates, U+FFFE/U+FFFF). A JUnit consumer rejects the whole file for one of them.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text or attribute value for XML: the five entities, invalid characters replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * Text or attribute value for HTML (and SVG inside it). Besides the entities, `://` is
 * written as `&#58;//`: it renders the same, but the page then holds no URL literal at all,
 * so nothing in it (a payload, a server's "listening on http…" line) can look like a
 * resource to fetch — the report must open offline and leak nothing.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('://', '&#58;//');
}

/** The message of a GitHub workflow command (`::error ...::<message>`). */
export function escapeGithubData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A property value of a GitHub workflow command (`file=`, `title=`): also `:` and `,`. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
