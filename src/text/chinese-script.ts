import type * as OpenCC from 'opencc-js';

type ConverterFunction = ReturnType<typeof OpenCC.Converter>;

interface ChineseScript {
  convert: ConverterFunction;
  /** characters written only in traditional script (each has a different simplified form) */
  traditionalOnly: ReadonlySet<string>;
  /** for language detection: characters only one script writes (42 such as 么 and 皂 are both a source and a target) */
  traditionalMarks: ReadonlySet<string>;
  simplifiedMarks: ReadonlySet<string>;
  /** traditionalOnly by UTF-16 code for the characters of one unit: a text is scanned without making strings */
  traditionalUnits: Uint8Array;
  /** characters of the multi-character entries */
  inPhrases: ReadonlySet<string>;
  /** per traditional-only character met so far: whether converting it changes nothing */
  inert: Map<string, boolean>;
}

// A character the chain maps back to itself (核: tw 核 -> 覈 -> cn 核) and that no phrase mentions converts to
// itself in any text: it alone does not make a text worth converting.
function isInert(script: ChineseScript, char: string): boolean {
  let inert = script.inert.get(char);
  if (inert === undefined) script.inert.set(char, (inert = !script.inPhrases.has(char) && script.convert(char) === char));
  return inert;
}

let script: ChineseScript | undefined;

// The t2cn build (about 100 kB) is loaded on first use only; the package root would pull in both directions.
function load(): ChineseScript {
  if (script) return script;
  const openCC = require('opencc-js/t2cn') as typeof OpenCC;
  const traditionalOnly = new Set<string>();
  const simplifiedForms = new Set<string>();
  const inPhrases = new Set<string>();
  for (const groups of [openCC.Locale.to.cn, openCC.Locale.from.tw]) {
    for (const group of groups) {
      for (const dict of group) {
        if (typeof dict !== 'string') continue;
        for (const pair of dict.split('|')) {
          const [from, to] = pair.split(' ');
          if (!from || !to || from === to) continue;
          if ([...from].length === 1) {
            traditionalOnly.add(from);
            if ([...to].length === 1) simplifiedForms.add(to);
          } else for (const char of from) inPhrases.add(char);
        }
      }
    }
  }
  const traditionalMarks = new Set([...traditionalOnly].filter((char) => !simplifiedForms.has(char)));
  const simplifiedMarks = new Set([...simplifiedForms].filter((char) => !traditionalOnly.has(char)));
  const traditionalUnits = new Uint8Array(0x10000);
  for (const char of traditionalOnly) if (char.length === 1) traditionalUnits[char.charCodeAt(0)] = 1;
  script = {
    convert: openCC.Converter({ from: 'tw', to: 'cn' }),
    traditionalOnly,
    traditionalMarks,
    simplifiedMarks,
    traditionalUnits,
    inPhrases,
    inert: new Map(),
  };
  return script;
}

/** Traditional Chinese to simplified; texts without a traditional-only character are returned as they are. */
export function toSimplified(text: string, force = false): string {
  const script = load();
  if (force) return script.convert(text);
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i) ?? 0;
    let char: string;
    if (point > 0xffff) {
      char = String.fromCodePoint(point);
      i++;
      if (!script.traditionalOnly.has(char)) continue;
    } else if (script.traditionalUnits[point]) char = text[i];
    else continue;
    if (!isInert(script, char)) return script.convert(text);
  }
  return text;
}

/** Which script a Han character says the text is in: 'traditional', 'simplified', or null for one both share. */
export function hanScript(char: string): 'traditional' | 'simplified' | null {
  const { traditionalMarks, simplifiedMarks } = load();
  if (traditionalMarks.has(char)) return 'traditional';
  return simplifiedMarks.has(char) ? 'simplified' : null;
}
