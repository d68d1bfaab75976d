import { seededRandom } from '../linear-model';
import { CAUSE_TAGS, CauseTag, isCauseTag, isSubTag, parentTag, SubTag, Tag } from '../../reviews/taxonomy';
import enCorpus from '../resources/en-corpus.json';
import zhCorpus from '../resources/zh-corpus.json';

export interface CorpusExample {
  text: string;
  /** Cause tags, or ['other'] when the text names no cause. */
  tags: Tag[];
  subTags: SubTag[];
}

/**
 * Corpus lines are `labels | text`; labels are `tag` or `tag.sub_tag` separated by spaces, `-` for none.
 * A sub-tag implies its tag. Lines starting with `#` are comments.
 */
export function parseCorpus(source: string): CorpusExample[] {
  const examples: CorpusExample[] = [];
  for (const [lineNumber, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const bar = line.indexOf('|');
    if (bar < 0) throw new Error(`corpus line ${lineNumber + 1}: no "|" in "${line}"`);
    const labels = line.slice(0, bar).trim();
    const text = line.slice(bar + 1).trim();
    const tags = new Set<CauseTag>();
    const subTags = new Set<SubTag>();
    for (const label of labels === '-' ? [] : labels.split(/\s+/)) {
      const [tag, sub] = label.split('.');
      if (!tag || !isCauseTag(tag)) throw new Error(`corpus line ${lineNumber + 1}: unknown tag "${label}"`);
      tags.add(tag);
      if (sub !== undefined) {
        if (!isSubTag(sub) || parentTag(sub) !== tag) throw new Error(`corpus line ${lineNumber + 1}: unknown sub-tag "${label}"`);
        subTags.add(sub);
      }
    }
    examples.push({
      text,
      tags: tags.size ? CAUSE_TAGS.filter((tag) => tags.has(tag)) : ['other'],
      subTags: [...subTags].sort(),
    });
  }
  return examples;
}

const ZH_PRAISE_JOINS = ['，就是', '，但是', '，不过', '，可惜', ' 就是', '，唯一不足是', '，美中不足的是'];
const ZH_COMPLAINT_JOINS = ['，而且', '，还有', '。', ' ', '，另外', '！', '，再加上'];
const EN_PRAISE_JOINS = [', but ', '. However, ', '. Unfortunately ', ' but ', '. The only problem: ', ', although '];
const EN_COMPLAINT_JOINS = ['. Also ', '. Also, ', '. ', ', plus ', '. On top of that, ', '. In addition, ', '. Besides, '];

function isComplaint(example: CorpusExample): boolean {
  return example.tags[0] !== 'other';
}

function merge(a: CorpusExample, b: CorpusExample): Pick<CorpusExample, 'tags' | 'subTags'> {
  const tags = new Set([...a.tags, ...b.tags].filter(isCauseTag));
  return {
    tags: tags.size ? CAUSE_TAGS.filter((tag) => tags.has(tag)) : ['other'],
    subTags: [...new Set([...a.subTags, ...b.subTags])].sort(),
  };
}

/**
 * Praise joined to a complaint by a contrast word teaches that only the complaint counts; two complaints joined
 * teach multi-label. Pairs are drawn with a fixed seed so the corpus, and so the model, never changes by chance.
 */
export function augmentCorpus(examples: readonly CorpusExample[], language: 'zh' | 'en', count: number, seed: number): CorpusExample[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // single-cause complaints and praise-only lines are the building blocks; meta-only lines ("差评") are not praise
  const complaints = examples.filter((example) => isComplaint(example) && example.tags.length === 1);
  const praise = examples.filter((example) => !isComplaint(example) && example.subTags.length === 0 && isPraise(example.text));
  const praiseJoins = language === 'zh' ? ZH_PRAISE_JOINS : EN_PRAISE_JOINS;
  const complaintJoins = language === 'zh' ? ZH_COMPLAINT_JOINS : EN_COMPLAINT_JOINS;
  const out: CorpusExample[] = [];
  if (!complaints.length || !praise.length) return out;
  for (let i = 0; i < count; i++) {
    const complaint = pick(complaints);
    if (random() < 0.55) {
      const good = pick(praise);
      out.push({ text: `${trimEnd(good.text)}${pick(praiseJoins)}${lowerFirst(complaint.text, language)}`, ...merge(good, complaint) });
    } else {
      let other = pick(complaints);
      for (let tries = 0; tries < 5 && other.tags[0] === complaint.tags[0]; tries++) other = pick(complaints);
      out.push({ text: `${trimEnd(complaint.text)}${pick(complaintJoins)}${lowerFirst(other.text, language)}`, ...merge(complaint, other) });
    }
  }
  return out;
}

const PRAISE_WORDS =
  /好|不错|满意|喜欢|快|棒|赞|值|推荐|舒服|漂亮|完好|耐心|热情|good|great|love|happy|fast|perfect|excellent|nice|recommend|works|quick|fine|helpful/i;

function isPraise(text: string): boolean {
  return PRAISE_WORDS.test(text);
}

function trimEnd(text: string): string {
  return text.replace(/[。！!.，,~～\s]+$/u, '');
}

function lowerFirst(text: string, language: 'zh' | 'en'): string {
  if (language === 'zh' || text.startsWith('I ') || text.startsWith("I'")) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export interface ShippedCorpus {
  zh: CorpusExample[];
  en: CorpusExample[];
}

/** The hand-written corpus as shipped, without augmentation. */
export function shippedCorpus(): ShippedCorpus {
  return { zh: parseCorpus(zhCorpus.lines.join('\n')), en: parseCorpus(enCorpus.lines.join('\n')) };
}

/** What the shipped model is trained on: the hand-written lines plus their seeded combinations. */
export function trainingCorpus(): CorpusExample[] {
  const { zh, en } = shippedCorpus();
  return [...zh, ...en, ...augmentCorpus(zh, 'zh', Math.round(zh.length * 0.8), 17), ...augmentCorpus(en, 'en', Math.round(en.length * 0.8), 29)];
}
