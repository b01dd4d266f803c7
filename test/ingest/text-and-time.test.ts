import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../src/ingest/html-text.js';
import { toStamp } from '../../src/ingest/time.js';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['line<br>break<br/>again', 'line\nbreak\nagain'],
    ['first<p>HN style<p>unclosed', 'first\n\nHN style\n\nunclosed'],
    ['a &amp;amp; b', 'a &amp; b'], // decoded exactly once
    ['<script>x()</script>kept <b>bold</b>', 'kept bold'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['<pre><code>  indented\n    more</code></pre>', '  indented\n    more'],
    ['plain   text\twith  spaces', 'plain text with spaces'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('keeps newlines as breaks when asked (WordPress)', () => {
    expect(htmlToText('a\nb <i>c</i>', { keepNewlines: true })).toBe('a\nb c');
    expect(htmlToText('a\nb <i>c</i>')).toBe('a b c');
  });

  it('decodeEntities decodes one layer', () => {
    expect(decodeEntities('&lt;p&gt;I&amp;#39;m&lt;/p&gt;')).toBe('<p>I&#39;m</p>');
  });
});

describe('toStamp', () => {
  it.each([
    [1366059088.0, 'unix', '2013-04-15T20:51:28.000Z'],
    ['1420080111', 'unix', '2015-01-01T02:41:51.000Z'],
    ['1559192764955', 'unix-ms', '2019-05-30T05:06:04.955Z'],
    ['2010-11-29T12:35:44.027-08:00', 'iso', '2010-11-29T20:35:44.027Z'],
    ['2013-02-04T15:26:26+0100', 'iso', '2013-02-04T14:26:26.000Z'],
    ['2014-01-14 17:31:03', 'naive-utc', '2014-01-14T17:31:03.000Z'],
    ['Tue, 14 Jan 2014 17:31:03 +0000', 'rfc2822', '2014-01-14T17:31:03.000Z'],
  ] as const)('%j (%s) → %s', (raw, kind, iso) => {
    expect(toStamp(raw, kind)).toEqual({ createdAt: iso, createdAtRaw: String(raw) });
  });

  it.each([
    ['2011-x09-30T22:48:43Z', 'iso'],
    ['2011-03-07T21:17:17', 'iso'], // no zone: not guessed
    ['2021-02-30 10:00:00', 'naive-utc'], // no such day
    ['1559192764955', 'unix'], // milliseconds given as seconds
    ['yesterday', 'unix'],
  ] as const)('refuses %j as %s (createdAt null, raw kept)', (raw, kind) => {
    expect(toStamp(raw, kind)).toEqual({ createdAt: null, createdAtRaw: raw });
  });
});
