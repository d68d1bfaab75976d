import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runClassify, runEvalClassify } from './classify.cli';

async function collect(run: (output: PassThrough) => Promise<number>): Promise<{ code: number; text: string }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await run(output);
  return { code, text: Buffer.concat(chunks).toString('utf8') };
}

describe('runClassify', () => {
  it('writes one JSON line per input line, in order, and an error line for a bad one', async () => {
    const input = new PassThrough();
    input.end(
      [
        JSON.stringify({ id: 'a', text: '质量没问题就是快递太慢', rating: 2 }),
        '{not json',
        JSON.stringify({ id: 'c', text: 'The zipper broke', lang: 'en' }),
        JSON.stringify({ id: 'd', text: '好', rating: 9 }),
        '',
        JSON.stringify({ id: 'e', text: '' }),
        JSON.stringify({ id: 'f', content: '用了两天就坏了' }),
        JSON.stringify({ id: 'g', text: null }),
      ].join('\n'),
    );
    const { code, text } = await collect((output) => runClassify(input, output));
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(code).toBe(1);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toEqual({
      id: 'a',
      grade: 'bad',
      tags: ['logistics'],
      subTags: ['slow_delivery'],
      confidence: expect.objectContaining({ logistics: expect.any(Number), other: expect.any(Number) }),
      evidence: [{ tag: 'logistics', subTag: 'slow_delivery', phrase: '快递太慢' }],
    });
    expect(lines[1]).toEqual({ id: null, line: 2, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 'c', tags: ['quality'] });
    expect(lines[2]).not.toHaveProperty('grade');
    expect(lines[3]).toEqual({ id: 'd', line: 4, error: '"rating" must be a number from 1 to 5' });
    expect(lines[4]).toMatchObject({ id: 'e', tags: ['other'] });
    // the review under another field name is rejected, not classified as a review that names no cause
    expect(lines[5]).toEqual({ id: 'f', line: 7, error: '"text" is required' });
    expect(lines[6]).toEqual({ id: 'g', line: 8, error: '"text" is required' });
  });
});

describe('runEvalClassify', () => {
  it('prints a table and a final JSON line with the macro-F1', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'sample.jsonl');
    writeFileSync(
      file,
      [
        { id: '1', lang: 'zh', text: '快递太慢了', tags: ['logistics'] },
        { id: '2', lang: 'zh', text: '客服态度很差', tags: ['service'] },
        { id: '3', lang: 'en', text: 'It broke after two days', tags: ['quality'] },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const { code, text } = await collect((output) => runEvalClassify(file, output));
    const lines = text.trim().split('\n');
    const report = JSON.parse(lines[lines.length - 1] ?? '{}') as { macroF1: number; reviews: number; tags: Record<string, unknown> };
    expect(code).toBe(0);
    expect(text).toContain('macro-F1 (quality, logistics, service): 1.000');
    expect(report).toMatchObject({ file, reviews: 3, macroF1: 1 });
    expect(Object.keys(report.tags).sort()).toEqual(['logistics', 'quality', 'service']);
  });
});
