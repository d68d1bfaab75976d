/** Root-cause tags with the phrases behind them, and a correction control (a correction trains the shop's classifier). */
import { useState } from 'preact/hooks';
import { api } from './api.js';
import { html } from './html.js';
import type { MessageKey } from './i18n.js';
import type { Review } from './types.js';
import { ErrorMessage, Progress, useAction, useApp } from './ui.js';
import { isCauseTag, isSubTag, label, parentTag, SUB_TAG_LABELS, SUB_TAGS_BY_TAG, TAG_LABELS, TAGS } from './vocabulary.js';

const isSubTagOf = (tag: string, sub: string) => isSubTag(sub) && parentTag(sub) === tag;

export function TagsPanel(props: { review: Review; onSaved: (review: Review) => void }) {
  const app = useApp();
  const { t, lang } = app;
  const review = props.review;
  const [editing, setEditing] = useState(false);
  const [tags, setTags] = useState<string[]>(review.tags);
  const [subTags, setSubTags] = useState<string[]>(review.subTags);
  const save = useAction();

  const start = () => {
    setTags(review.tags);
    setSubTags(review.subTags);
    save.clear();
    setEditing(true);
  };
  const toggleTag = (tag: string, on: boolean) => {
    if (tag === 'other') {
      setTags(on ? ['other'] : []);
      if (on) setSubTags([]);
      return;
    }
    setTags((current) => (on ? [...current.filter((x) => x !== 'other'), tag] : current.filter((x) => x !== tag)));
    if (!on) setSubTags((current) => current.filter((s) => !isSubTagOf(tag, s)));
  };
  const toggleSub = (sub: string, on: boolean) => setSubTags((current) => (on ? [...current, sub] : current.filter((x) => x !== sub)));
  const submit = (event: Event) => {
    event.preventDefault();
    void save
      .run(async () => {
        const ordered = TAGS.filter((tag) => tags.includes(tag));
        const updated = await api.send<Review>('PUT', `/v1/reviews/${review.id}/tags`, { tags: ordered, subTags });
        props.onSaved(updated);
      })
      .then((ok) => {
        if (ok) {
          setEditing(false);
          app.notify(t('tags.saved'));
        }
      });
  };

  const evidence = (tag: string) => (review.tagEvidence ?? []).filter((e) => e.tag === tag);
  return html`<section class="card" aria-labelledby="tags-title">
    <div class="title-row">
      <h2 id="tags-title">${t('tags.title')}</h2>
      <span class="muted small" id="tag-source"
        >${review.tagSource === 'staff' ? t('tags.byStaff') : review.tagSource === 'model' ? t('tags.byModel') : ''}</span
      >
      <span class="spacer"></span>
      ${!editing && html`<button type="button" id="tags-edit" onClick=${start}>${t('tags.correct')}</button>`}
    </div>
    ${
      !editing &&
      html`${review.tags.length === 0 && html`<p class="muted">${review.analysisStatus === 'done' ? t('tags.none') : t('tags.pending')}</p>`}
        <ul class="tag-list" id="tag-list">
          ${review.tags.map(
            (tag) =>
              html`<li>
                <span class=${`tag ${tag}`}>${label(TAG_LABELS, tag, lang)}</span>
                ${review.tagConfidence?.[tag] !== undefined && review.tagSource !== 'staff' && html`<span class="muted small">${Math.round(Number(review.tagConfidence[tag] ?? 0) * 100)}%</span>`}
                ${review.subTags.filter((s) => isSubTagOf(tag, s)).map((s) => html` <span class="subtag">${label(SUB_TAG_LABELS, s, lang)}</span>`)}
                ${
                  evidence(tag).length > 0 &&
                  html`<div class="evidence small">
                    ${t('tags.evidence')}:
                    ${evidence(tag).map((e) => (e.source === 'platform_score' ? html`<mark class="score-evidence">${t('tags.platformScore', { dimension: t(`tags.dimension.${e.dimension ?? 'logistics'}` as MessageKey), score: e.score ?? '', max: e.max ?? '' })}</mark> ` : html`<mark>${e.phrase}</mark> `))}
                  </div>`
                }
              </li>`,
          )}
        </ul>`
    }
    ${
      editing &&
      html`<form class="tag-form" onSubmit=${submit}>
        <p class="muted small">${t('tags.correctHint')}</p>
        ${TAGS.map(
          (tag) =>
            html`<fieldset class="tag-group">
              <legend>
                <label class="row inline-label"
                  ><input
                    type="checkbox"
                    name="tag"
                    value=${tag}
                    checked=${tags.includes(tag)}
                    onChange=${(e: Event) => toggleTag(tag, (e.target as HTMLInputElement).checked)}
                  />
                  ${label(TAG_LABELS, tag, lang)}</label
                >
              </legend>
              ${
                isCauseTag(tag) &&
                tags.includes(tag) &&
                html`<div class="subtags">
                  ${SUB_TAGS_BY_TAG[tag].map(
                    (sub) =>
                      html`<label class="row inline-label"
                        ><input
                          type="checkbox"
                          name="subTag"
                          value=${sub}
                          checked=${subTags.includes(sub)}
                          onChange=${(e: Event) => toggleSub(sub, (e.target as HTMLInputElement).checked)}
                        />
                        ${label(SUB_TAG_LABELS, sub, lang)}</label
                      >`,
                  )}
                </div>`
              }
            </fieldset>`,
        )}
        <div class="row">
          <button type="submit" class="primary" id="tags-save" disabled=${save.pending || tags.length === 0}>${t('tags.save')}</button>
          <button type="button" onClick=${() => setEditing(false)}>${t('cancel')}</button>
          <${Progress} when=${save.pending} label=${t('saving')} />
        </div>
        <${ErrorMessage} error=${save.error} />
      </form>`
    }
    ${review.classifierVersion && html`<p class="muted small">${t('tags.model', { version: review.classifierVersion })}</p>`}
  </section>`;
}
