import { LRUCache } from 'lru-cache';
import type { FieldProblem } from '../common/errors/domain-error';
import type { ReplyPart } from './reply.types';

/** What a shop template may say. Each has a value from the review or the shop, or a fallback that reads well. */
export const PLACEHOLDERS = ['buyer', 'product', 'shop', 'carrier', 'remedy'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Only the built-in library uses these: the causes of a multi-cause review, and their names for staff. */
export const INTERNAL_PLACEHOLDERS = ['problems', 'causes'] as const;

const CONTEXT: readonly Placeholder[] = ['buyer', 'product', 'shop', 'carrier'];

/**
 * Placeholders allowed per part. `{remedy}` lives in the remedy sentence only, so a multi-cause reply offers
 * one remedy however many found sentences it has.
 */
export const PLACEHOLDERS_BY_PART: Record<ReplyPart, readonly Placeholder[]> = {
  feel: CONTEXT,
  felt: CONTEXT,
  found: CONTEXT,
  remedy: [...CONTEXT, 'remedy'],
  thank_you: ['buyer', 'product', 'shop'],
  outreach_apology: CONTEXT,
  outreach_explanation: CONTEXT,
  outreach_request: ['buyer', 'product', 'shop'],
};

type Segment = { kind: 'text'; text: string } | { kind: 'placeholder'; name: string } | { kind: 'optional'; parts: Segment[] };

export type ParsedTemplate = { ok: true; segments: Segment[] } | { ok: false; message: string };

// Drafting fills the same few hundred templates over and over: parse each once.
const PARSED = new LRUCache<string, ParsedTemplate>({ max: 10_000 });

/**
 * `{name}` is a placeholder; `[...]` is an optional segment, left out when a placeholder inside has no value
 * ("[{buyer}，]" drops the comma along with the missing nick). Optional segments do not nest.
 */
export function parseTemplate(text: string): ParsedTemplate {
  let parsed = PARSED.get(text);
  if (!parsed) {
    parsed = parse(text);
    PARSED.set(text, parsed);
  }
  return parsed;
}

function parse(text: string): ParsedTemplate {
  const top: Segment[] = [];
  let optional: Segment[] | null = null;
  let literal = '';
  const flush = () => {
    if (literal) (optional ?? top).push({ kind: 'text', text: literal });
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      const close = text.indexOf('}', i + 1);
      const name = close === -1 ? '' : text.slice(i + 1, close);
      if (!/^[A-Za-z]+$/.test(name)) return { ok: false, message: `"{" at position ${i} does not start a placeholder such as {buyer}` };
      flush();
      (optional ?? top).push({ kind: 'placeholder', name });
      i = close;
    } else if (char === '}') {
      return { ok: false, message: `"}" at position ${i} does not close a placeholder` };
    } else if (char === '[') {
      if (optional) return { ok: false, message: `optional segments cannot be nested (position ${i})` };
      flush();
      optional = [];
    } else if (char === ']') {
      if (!optional) return { ok: false, message: `"]" at position ${i} does not close an optional segment` };
      flush();
      top.push({ kind: 'optional', parts: optional });
      optional = null;
    } else {
      literal += char;
    }
  }
  if (optional) return { ok: false, message: 'an optional segment "[" is not closed with "]"' };
  flush();
  return { ok: true, segments: top };
}

function names(segments: Segment[]): string[] {
  return segments.flatMap((segment) => (segment.kind === 'placeholder' ? [segment.name] : segment.kind === 'optional' ? names(segment.parts) : []));
}

export function placeholdersIn(text: string): string[] {
  const parsed = parseTemplate(text);
  return parsed.ok ? [...new Set(names(parsed.segments))] : [];
}

/** Problems with a shop template's text for a part: malformed syntax, unknown or misplaced placeholders. */
export function validateTemplateText(text: string, part: ReplyPart, field = 'text'): FieldProblem[] {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return [{ field, code: 'malformedTemplate', message: parsed.message }];
  const allowed = PLACEHOLDERS_BY_PART[part];
  const problems: FieldProblem[] = [];
  for (const name of new Set(names(parsed.segments))) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      problems.push({ field, code: 'unknownPlaceholder', message: `{${name}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}` });
    } else if (!allowed.includes(name as Placeholder)) {
      problems.push({
        field,
        code: 'placeholderNotAllowed',
        message: `{${name}} cannot be used in a ${part} template; it takes ${allowed.map((p) => `{${p}}`).join(', ')}`,
      });
    }
  }
  return problems;
}

export type PlaceholderValues = Partial<Record<string, string | null>>;

/**
 * Fills a template. A placeholder inside an optional segment without a value drops the segment; outside one,
 * it takes the fallback. A placeholder with neither is a programming error: nothing unfilled is ever returned.
 */
export function fillTemplate(text: string, values: PlaceholderValues, fallbacks: PlaceholderValues = {}): string {
  const parsed = parseTemplate(text);
  if (!parsed.ok) throw new Error(`malformed template: ${parsed.message}`);
  const valueOf = (name: string) => {
    const value = values[name];
    return value === undefined || value === null || value === '' ? null : value;
  };
  const render = (segments: Segment[]): string =>
    segments
      .map((segment) => {
        if (segment.kind === 'text') return segment.text;
        if (segment.kind === 'optional') return names(segment.parts).every((name) => valueOf(name) !== null) ? render(segment.parts) : '';
        const value = valueOf(segment.name) ?? fallbacks[segment.name];
        if (value === undefined || value === null) throw new Error(`no value for {${segment.name}}`);
        return value;
      })
      .join('');
  return render(parsed.segments);
}
