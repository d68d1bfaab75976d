import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RISK_CONFIG } from './risk-config';
import { SIGNAL_CODES } from './reviewer-risk.types';

describe('docs/api/reviewers.md reviewer-risk signal table', () => {
  it('lists every signal with its default weight', () => {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'reviewers.md'), 'utf8');
    const section = page.slice(page.indexOf('## Score'));
    const documented = new Map([...section.matchAll(/^\| `([a-z_]+)` \| .* \| ([0-9.]+) \|$/gm)].map((match) => [match[1], Number(match[2])] as const));
    expect([...documented.keys()].sort()).toEqual([...SIGNAL_CODES].sort());
    for (const code of SIGNAL_CODES) expect({ code, weight: documented.get(code) }).toEqual({ code, weight: DEFAULT_RISK_CONFIG.signals[code].weight });
  });
});
