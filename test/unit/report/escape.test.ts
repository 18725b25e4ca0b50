import { describe, expect, it } from '@jest/globals';
import { escapeGithubData, escapeGithubProperty, escapeHtml, escapeXml } from '../../../src/report/escape.js';

describe('escaping', () => {
  it('XML: the five entities, and characters XML 1.0 forbids replaced', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
    expect(escapeXml('nul\u0000 bell\u0007 tab\t lf\n cr\r')).toBe('nul\uFFFD bell\uFFFD tab\t lf\n cr\r');
    expect(escapeXml('lone \uD800 surrogate, pair 😀')).toBe('lone \uFFFD surrogate, pair 😀');
  });

  it('HTML: entities, and no URL literal survives', () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const escaped = escapeHtml('listening on http://127.0.0.1:80 and https://example.test/');
    expect(escaped).not.toMatch(/https?:\/\//);
    expect(escaped).toBe('listening on http&#58;//127.0.0.1:80 and https&#58;//example.test/');
  });

  it('GitHub messages: %, CR and LF; properties also : and ,', () => {
    expect(escapeGithubData('100% lost\r\nnext: a, b')).toBe('100%25 lost%0D%0Anext: a, b');
    expect(escapeGithubProperty('dir,1/a:b.yaml\n')).toBe('dir%2C1/a%3Ab.yaml%0A');
    // % first: an escape is not escaped twice.
    expect(escapeGithubProperty('%3A')).toBe('%253A');
  });
});
