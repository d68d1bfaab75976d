import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReplySamples, SAMPLE_REVIEWS } from './reply-samples';

describe('docs/reply-samples.md', () => {
  it('covers both languages and every tag with twenty reviews', () => {
    expect(SAMPLE_REVIEWS).toHaveLength(20);
    expect(new Set(SAMPLE_REVIEWS.map((s) => s.language))).toEqual(new Set(['zh-Hans', 'zh-Hant', 'en']));
    const tags = new Set(SAMPLE_REVIEWS.flatMap((s) => s.causes.map((c) => c.tag)));
    expect(tags).toEqual(new Set(['quality', 'logistics', 'service', 'price']));
    expect(SAMPLE_REVIEWS.some((s) => s.causes.length === 0 && s.rating <= 3)).toBe(true);
  });

  it('is what the library drafts today: run npm run docs:reply-samples after changing the library', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'reply-samples.md'), 'utf8');
    expect(committed).toBe(renderReplySamples());
  });
});
