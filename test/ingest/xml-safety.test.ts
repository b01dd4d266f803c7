import { describe, expect, it } from 'vitest';
import { decodeInput, parseThread } from '../../src/ingest/index.js';
import { parseXml, textOf } from '../../src/ingest/xml.js';
import { expectInputError } from '../helpers/ingest.js';

const doc = (text: string, name = 'export.xml') => decodeInput(name, Buffer.from(text));

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<disqus xmlns="http://disqus.com"><post><message>&lol9;</message></post></disqus>`;

describe('XML safety', () => {
  it('refuses a billion-laughs document with a clear error instead of expanding it', async () => {
    await expectInputError(() => parseThread(doc(BILLION_LAUGHS), 'auto'), 'xml-entities', /export\.xml \(line 2\): the XML declares entities .* never expands XML entities/);
  });

  it('refuses an external entity (XXE) the same way, without reading the file it names', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:comment><wp:comment_content>&xxe;</wp:comment_content></wp:comment></item></channel></rss>`;
    await expectInputError(() => parseThread(doc(xxe), 'wordpress'), 'xml-entities', /declares entities/);
  });

  it('never expands an entity reference: an undeclared one stays literal text', () => {
    const { root } = parseXml(doc('<a><b>&lol9; &amp; &#65;</b></a>'));
    const b = root.children.find((c) => typeof c !== 'string');
    expect(textOf(b as never)).toBe('&lol9; & A');
  });

  it('refuses a truncated document, naming the element left open', async () => {
    const cut = '<?xml version="1.0"?>\n<disqus xmlns="http://disqus.com">\n<thread dsq:id="1"><title>x</title></thread>\n<post dsq:id="2"><message>half';
    await expectInputError(() => parseThread(doc(cut), 'auto'), 'truncated-xml', /the file ends inside <message> \(opened at line 4\); it looks truncated/);
  });

  it('reads an unquoted attribute but reports it with its line', () => {
    const { root, warnings } = parseXml(doc('<a>\n<thread id=42/>\n<b>after</b></a>'));
    expect(root.children.filter((c) => typeof c !== 'string').map((c) => (c as { name: string }).name)).toEqual(['thread', 'b']);
    expect(warnings).toEqual([{ code: 'malformed-xml', message: '<thread> attribute id is not quoted; read as "42"', where: 'line 2' }]);
  });
});
