export type Line = { lineNo: number; text: string } | { lineNo: number; error: string };

/**
 * Split a byte stream into lines with bounded memory: a line longer than `maxLineBytes` is skipped up
 * to its newline and reported as an error instead of being buffered whole (a 1 GB single-line input
 * must not take 1 GB of memory). Each line is decoded strictly as UTF-8.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let lineNo = 0;

  const finish = (): Line => {
    lineNo++;
    if (overflow) {
      overflow = false;
      return { lineNo, error: `line is longer than ${maxLineBytes} bytes (raise --max-line-bytes)` };
    }
    let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    if (buf.length && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    try {
      return { lineNo, text: decoder.decode(buf) };
    } catch {
      return { lineNo, error: 'line is not valid UTF-8' };
    }
  };

  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (;;) {
      const nl = buf.indexOf(10);
      const piece = nl === -1 ? buf : buf.subarray(0, nl);
      if (!overflow) {
        if (size + piece.length > maxLineBytes) {
          overflow = true;
          parts = [];
          size = 0;
        } else if (piece.length) {
          parts.push(Buffer.from(piece)); // copy: the stream may reuse its chunk
          size += piece.length;
        }
      }
      if (nl === -1) break;
      yield finish();
      buf = buf.subarray(nl + 1);
    }
  }
  if (size > 0 || overflow) yield finish();
}
