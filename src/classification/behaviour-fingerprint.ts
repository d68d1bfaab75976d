import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CauseModelJson, causeModelVersion } from './cause-model';
import { baseModelFromCauseJson } from './classifier-model';
import { classify } from './review-classifier';

// The held-out reviews are the probes: varied, in both languages, and never trained on. Each is read unrated, as a
// bad review and as a good one, since the grade changes what may be tagged.
const PROBE_DIR = join(__dirname, 'resources', 'heldout');
const PROBE_RATINGS = [undefined, 1, 5] as const;

/** The texts of the held-out files, in file and line order. */
export function probeTexts(dir = PROBE_DIR): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => String((JSON.parse(line) as { text: unknown }).text ?? '')),
    );
}

/** Hash of the tags and sub-tags the current code gives every probe with these weights. */
export function behaviourFingerprint(json: CauseModelJson, texts: readonly string[] = probeTexts()): string {
  // the check of `version` is not the point here: the fingerprint is part of what the version hashes
  const base = baseModelFromCauseJson({ ...json, version: causeModelVersion(json) });
  const hash = createHash('sha256');
  for (const text of texts) {
    for (const rating of PROBE_RATINGS) {
      const result = classify({ text, rating }, { base });
      hash.update(`${result.tags.join(',')}|${result.subTags.join(',')}\n`);
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** The model file as written: its behaviour fingerprint and the version that hashes it with the weights. */
export function withBehaviour(json: CauseModelJson): CauseModelJson {
  const behaviour = behaviourFingerprint(json);
  const body = { ...json, behaviour };
  return { ...body, version: causeModelVersion(body) };
}
