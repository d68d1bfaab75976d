import { ReportText } from '../report-text';
import type { Block, RenderedReport } from './blocks';
import { formatCell, isNumericColumn } from './cells';

/** Text from reviews and names goes into tables and quotes: nothing in it may become markup. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** GitHub-flavoured Markdown: headings, pipe tables, block quotes and lists; charts are left to html. */
export function renderMarkdown(report: RenderedReport): string {
  const text = new ReportText(report.lang);
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, '', ...report.meta.map((meta) => `- ${escapeMarkdown(meta)}`), ''];
  if (report.warning) out.push(`> **${escapeMarkdown(report.warning)}**`, '');
  for (const section of report.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const block of section.blocks) out.push(...renderBlock(block, text), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function renderBlock(block: Block, text: ReportText): string[] {
  switch (block.type) {
    case 'metrics':
      return block.items.map(
        (item) => `- **${escapeMarkdown(item.label)}**: ${escapeMarkdown(item.value)}${item.detail ? ` (${escapeMarkdown(item.detail)})` : ''}`,
      );
    case 'table': {
      const lines = block.title ? [`### ${escapeMarkdown(block.title)}`, ''] : [];
      if (!block.rows.length) return [...lines, `_${escapeMarkdown(block.empty)}_`];
      lines.push(`| ${block.columns.map((c) => escapeMarkdown(c.label)).join(' | ')} |`);
      lines.push(`| ${block.columns.map((c) => (isNumericColumn(c) ? '---:' : '---')).join(' | ')} |`);
      for (const row of block.rows) lines.push(`| ${row.map((cell, i) => escapeMarkdown(formatCell(cell, block.columns[i], text))).join(' | ')} |`);
      if (block.more) lines.push('', `_${escapeMarkdown(text.t('more', { n: block.more }))}_`);
      return lines;
    }
    case 'quotes':
      if (!block.groups.length) return [`_${escapeMarkdown(block.empty)}_`];
      return block.groups.flatMap((group) => [
        `### ${escapeMarkdown(group.title)}`,
        '',
        ...group.quotes.flatMap((quote) => [`> ${escapeMarkdown(quote.text)}`, `>`, `> — ${escapeMarkdown(quote.meta)}`, '']),
      ]);
    case 'list':
      if (!block.groups.length) return [`_${escapeMarkdown(block.empty)}_`];
      return block.groups.flatMap((group) => [
        `### ${escapeMarkdown(group.title)}`,
        '',
        ...group.items.map((item) => `- **[${escapeMarkdown(item.badge)}]** ${escapeMarkdown(item.text)}`),
        '',
      ]);
    case 'note':
      return [`_${escapeMarkdown(block.text)}_`];
    case 'chart':
      // the figures of every chart are in a table of the same section
      return [];
  }
}
