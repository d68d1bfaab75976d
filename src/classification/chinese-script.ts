import type * as OpenCC from 'opencc-js';

type ConverterFunction = ReturnType<typeof OpenCC.Converter>;

interface ChineseScript {
  convert: ConverterFunction;
  traditionalOnly: ReadonlySet<string>;
}

let script: ChineseScript | undefined;

// The t2cn build (about 100 kB) is loaded on first use only; the package root would pull in both directions.
function load(): ChineseScript {
  if (script) return script;
  const openCC = require('opencc-js/t2cn') as typeof OpenCC;
  const traditionalOnly = new Set<string>();
  for (const groups of [openCC.Locale.to.cn, openCC.Locale.from.tw]) {
    for (const group of groups) {
      for (const dict of group) {
        if (typeof dict !== 'string') continue;
        for (const pair of dict.split('|')) {
          const [from, to] = pair.split(' ');
          if (from && to && from !== to && [...from].length === 1) traditionalOnly.add(from);
        }
      }
    }
  }
  script = { convert: openCC.Converter({ from: 'tw', to: 'cn' }), traditionalOnly };
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
