import type { Report } from '../model/index.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText, type TextOptions } from './render-text.js';

export { buildReport, rankForReview, reviewFlags, trend, type BuildReportOptions } from './build.js';
export { renderHtml, renderMarkdown, renderText };
export { reportBodyHtml, REPORT_CSS } from './render-html.js';
export { segments } from './spans.js';

export const OUTPUT_FORMATS = ['text', 'json', 'md', 'html'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function renderReport(r: Report, format: OutputFormat, text: TextOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'md':
      return renderMarkdown(r);
    case 'html':
      return renderHtml(r);
    case 'text':
      return renderText(r, text);
  }
}
