import type * as OpenCC from 'opencc-js';

type ConverterFunction = ReturnType<typeof OpenCC.Converter>;

interface ChineseScript {
  convert: ConverterFunction;
  /** characters written only in traditional script (each has a different simplified form) */
  traditionalOnly: ReadonlySet<string>;
  /** for language detection: characters only one script writes (42 such as 么 and 皂 are both a source and a target) */
  traditionalMarks: ReadonlySet<string>;
  simplifiedMarks: ReadonlySet<string>;
}

let script: ChineseScript | undefined;

// The t2cn build (about 100 kB) is loaded on first use only; the package root would pull in both directions.
function load(): ChineseScript {
  if (script) return script;
  const openCC = require('opencc-js/t2cn') as typeof OpenCC;
  const traditionalOnly = new Set<string>();
  const simplifiedForms = new Set<string>();
  for (const groups of [openCC.Locale.to.cn, openCC.Locale.from.tw]) {
    for (const group of groups) {
      for (const dict of group) {
        if (typeof dict !== 'string') continue;
        for (const pair of dict.split('|')) {
          const [from, to] = pair.split(' ');
          if (from && to && from !== to && [...from].length === 1) {
            traditionalOnly.add(from);
            if ([...to].length === 1) simplifiedForms.add(to);
          }
        }
      }
    }
  }
  const traditionalMarks = new Set([...traditionalOnly].filter((char) => !simplifiedForms.has(char)));
  const simplifiedMarks = new Set([...simplifiedForms].filter((char) => !traditionalOnly.has(char)));
  script = { convert: openCC.Converter({ from: 'tw', to: 'cn' }), traditionalOnly, traditionalMarks, simplifiedMarks };
  return script;
}

/** Traditional Chinese to simplified; texts without a traditional-only character are returned as they are. */
export function toSimplified(text: string, force = false): string {
  const { convert, traditionalOnly } = load();
  if (force) return convert(text);
  for (const char of text) {
    if (traditionalOnly.has(char)) return convert(text);
  }
  return text;
}

/** Which script a Han character says the text is in: 'traditional', 'simplified', or null for one both share. */
export function hanScript(char: string): 'traditional' | 'simplified' | null {
  const { traditionalMarks, simplifiedMarks } = load();
  if (traditionalMarks.has(char)) return 'traditional';
  return simplifiedMarks.has(char) ? 'simplified' : null;
}
