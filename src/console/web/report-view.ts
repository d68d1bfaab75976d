/** The weekly root-cause report: its self-contained HTML in a sandboxed frame, week by week, with downloads. */
import { useState } from 'preact/hooks';
import { api, download } from './api.js';
import { dateTime, isoWeek, lastCompletedWeek, localDateInput, shiftWeek } from './format.js';
import { html } from './html.js';
import { navigate } from './router.js';
import type { ReportMeta } from './types.js';
import { ErrorMessage, Progress, useAction, useApp, useLoad } from './ui.js';

const WEEK = /^\d{4}-W\d{2}$/;
const FORMATS = [
  ['csv', 'report.csv'],
  ['md', 'report.md'],
  ['json', 'report.json'],
  ['html', 'report.html'],
] as const;

export function ReportView(props: { params: URLSearchParams }) {
  const { t, lang, tz } = useApp();
  const requested = props.params.get('week') ?? '';
  const week = WEEK.test(requested) ? requested : lastCompletedWeek(tz);
  const thisWeek = isoWeek(new Date(`${localDateInput(0, tz)}T12:00:00Z`));
  const report = useLoad(async () => {
    // the page and its facts (stored snapshot? generated when?) in parallel
    const [page, meta] = await Promise.all([
      api.text('/v1/reports/weekly', { week, format: 'html', lang }, 'text/html'),
      api.get<ReportMeta>('/v1/reports/weekly', { week, format: 'json' }),
    ]);
    return { page, meta };
  }, [week, lang]);
  const files = useAction();
  const [weekInput, setWeekInput] = useState(week);
  const go = (target: string) => {
    setWeekInput(target);
    navigate('/report', { week: target }, { replace: true });
  };
  const get = (format: string) => files.run(() => download('/v1/reports/weekly', { week, format, lang }, `weekly-report-${week}-${lang}.${format}`));

  return html`<section aria-labelledby="view-title" class="report-view">
    <div class="title-row">
      <h1 id="view-title" tabindex="-1">${t('report.title')}</h1>
      <${Progress} when=${report.loading} label=${t('report.loading')} />
    </div>
    <nav class="row week-nav" aria-label=${t('report.weeks')}>
      <button type="button" id="report-prev" onClick=${() => go(shiftWeek(week, -1))}>← ${t('report.prev')}</button>
      <form
        class="row"
        onSubmit=${(e: Event) => {
          e.preventDefault();
          if (WEEK.test(weekInput)) go(weekInput);
        }}
      >
        <label
          >${t('report.week')}
          <input
            id="report-week"
            type="week"
            value=${weekInput}
            max=${thisWeek}
            onChange=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value;
              setWeekInput(value);
              if (WEEK.test(value)) go(value);
            }}
          />
        </label>
      </form>
      <button type="button" id="report-next" disabled=${week >= thisWeek} onClick=${() => go(shiftWeek(week, 1))}>${t('report.next')} →</button>
      <button type="button" onClick=${() => go(lastCompletedWeek(tz))}>${t('report.latest')}</button>
      <span class="spacer"></span>
      <span role="group" aria-label=${t('report.downloads')} class="row">
        ${FORMATS.map(([format, key]) => html`<button type="button" id=${`report-${format}`} disabled=${files.pending} onClick=${() => void get(format)}>${t(key)}</button>`)}
      </span>
    </nav>
    ${
      report.data?.meta &&
      html`<p class="muted small" id="report-meta">
        ${t('report.period', { week, from: report.data.meta.from, to: report.data.meta.to })} ·
        ${report.data.meta.stored ? t('report.stored', { at: dateTime(report.data.meta.generatedAt, lang, tz) }) : t('report.live')}
      </p>`
    }
    <${ErrorMessage} error=${report.error} />
    <${ErrorMessage} error=${files.error} />
    ${report.data && html`<iframe class="report" id="report-frame" title=${t('report.frame', { week })} sandbox="" srcdoc=${report.data.page}></iframe>`}
  </section>`;
}
