/**
 * The console's stylesheet: system fonts only (nothing fetched), text contrast of at least 4.5:1 on its
 * backgrounds, a visible focus ring, and a layout that prints the report view cleanly.
 */
export const CONSOLE_CSS = `
:root {
  --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --card: #ffffff;
  --accent: #0b5cad; --accent-ink: #ffffff; --bad: #b42318; --medium: #8a5a00; --good: #1a7f37; --warn-bg: #fff8c5;
  --risk: #6f42c1; --focus: #bf5700; --selected: #ddf4ff;
  font-family: -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 22px; margin: 4px 0 12px; }
/* headings take the focus on a new screen as a reading start point, not as a control */
h1[tabindex="-1"]:focus { outline: none; }
h2 { font-size: 16px; margin: 0 0 8px; }
h2.inline { display: inline; }
h3 { font-size: 14px; margin: 12px 0 6px; color: var(--muted); }
button, select, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid #8c959f; background: var(--card); border-radius: 6px; padding: 4px 12px; min-height: 32px; }
button:hover { background: #eef1f4; }
button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
button.primary:hover { background: #094d92; }
button.danger { color: var(--bad); border-color: var(--bad); }
button.link { border: none; background: none; color: var(--accent); text-decoration: underline; padding: 0 4px; min-height: 0; }
button:disabled { opacity: .55; cursor: default; }
input, select, textarea { border: 1px solid #8c959f; border-radius: 6px; padding: 4px 8px; background: var(--card); min-height: 32px; }
textarea { width: 100%; min-height: 3.2em; resize: vertical; }
textarea[readonly] { background: var(--bg); }
[aria-invalid="true"] { border-color: var(--bad); border-width: 2px; }
label { display: inline-flex; flex-direction: column; gap: 2px; font-size: 13px; color: var(--muted); }
label.block { display: flex; margin: 8px 0; }
label.inline-label { flex-direction: row; align-items: center; gap: 6px; color: var(--ink); font-size: 14px; }
label > input, label > select, label > textarea { color: var(--ink); font-size: 15px; }
.skip { position: absolute; left: -9999px; top: 0; background: var(--card); padding: 8px; z-index: 10; }
.skip:focus { left: 8px; }
header.top { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: var(--ink); color: #fff; flex-wrap: wrap; }
header.top nav { display: flex; gap: 4px; }
header.top a { color: #fff; text-decoration: none; padding: 4px 10px; border-radius: 6px; }
header.top a[aria-current="page"] { background: rgba(255,255,255,.2); font-weight: 600; }
header.top .who { font-size: 13px; color: #d0d7de; }
header.top button, header.top select { background: transparent; color: #fff; border-color: rgba(255,255,255,.6); }
header.top button:hover { background: rgba(255,255,255,.12); }
header.top select option { color: var(--ink); }
.spacer { flex: 1; }
main { padding: 16px; max-width: 1320px; margin: 0 auto; }
.boot { padding: 32px; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
.title-row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.title-row h1, .title-row h2 { margin-bottom: 8px; }
.row { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-end; }
.actions { margin: 8px 0; align-items: center; }
.grid2 { display: grid; grid-template-columns: minmax(0, 7fr) minmax(0, 5fr); gap: 12px; align-items: start; }
@media (max-width: 980px) { .grid2 { grid-template-columns: 1fr; } }
.counts { display: flex; gap: 8px; margin: 0 0 12px; padding: 0; list-style: none; flex-wrap: wrap; }
.count { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 6px 14px; min-width: 96px; font-size: 13px; color: var(--muted); }
.count b { display: block; font-size: 22px; color: var(--ink); }
.count-overdue b { color: var(--bad); }
.count-highRisk b { color: var(--risk); }
.filters { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin-bottom: 8px; }
.hint { margin: 4px 0 8px; }
table { width: 100%; border-collapse: collapse; background: var(--card); }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
table.queue td.pos { color: var(--muted); width: 2.5em; }
table.queue td.what { max-width: 420px; }
table.queue td.what a.open { color: var(--ink); text-decoration: none; margin-left: 4px; }
table.queue td.what a.open:hover { text-decoration: underline; }
table.queue td.reasons { max-width: 300px; }
tr.item { cursor: pointer; }
tr.selected td { background: var(--selected); }
tr.selected td:first-child { box-shadow: inset 4px 0 0 var(--accent); }
.grade { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 4px; padding: 0 6px; color: #fff; }
.grade-bad { background: var(--bad); }
.grade-medium { background: var(--medium); }
.stars { color: #8a5a00; letter-spacing: -1px; font-size: 13px; margin-left: 4px; }
.status { display: inline-block; font-size: 12px; border-radius: 10px; padding: 0 8px; background: #eaeef2; color: var(--ink); white-space: nowrap; }
.status-new { background: #ddf4ff; } .status-contacting { background: #fff1c2; } .status-awaiting_revision { background: #fbefff; }
.status-revised { background: #dafbe1; color: #116329; } .status-escalated { background: #ffebe9; } .status-dismissed, .status-closed_unrevised { background: #eaeef2; }
.reply-approved { background: #ddf4ff; } .reply-published { background: #dafbe1; color: #116329; }
.tag { display: inline-block; padding: 0 8px; border-radius: 10px; background: #eaeef2; margin: 0 4px 4px 0; font-size: 13px; }
.tag.quality { background: #ffebe9; } .tag.logistics { background: #ddf4ff; } .tag.service { background: #fbefff; } .tag.price { background: #fff8c5; }
.subtag { font-size: 13px; color: var(--muted); border: 1px dashed var(--line); border-radius: 10px; padding: 0 6px; }
.tag-list { list-style: none; padding: 0; margin: 0; }
.tag-list li { margin-bottom: 6px; }
.evidence mark { background: #fff8c5; padding: 0 2px; border-radius: 3px; }
.findings ul { list-style: none; padding: 0; margin: 4px 0; }
.finding { border-left: 3px solid #d4a72c; padding: 4px 10px; margin: 6px 0; }
.finding-block { border-left-color: var(--risk); }
.finding mark { background: #ffd8d3; padding: 0 2px; border-radius: 3px; }
.severity { font-size: 0.8em; font-weight: 700; text-transform: uppercase; }
.severity-block { color: var(--risk); }
.rewrite { color: #1a7f37; }
.tag-group { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 6px; padding: 4px 10px; }
.tag-group legend { padding: 0 4px; }
.subtags { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.reason { display: inline-block; font-size: 12px; color: var(--ink); border: 1px solid var(--line); background: #f6f8fa; border-radius: 10px; padding: 0 6px; margin: 0 4px 2px 0; }
.reason-revision_deadline_today, .reason-first_contact_overdue, .reason-follow_up_overdue, .reason-promise_missed { border-color: var(--bad); color: var(--bad); }
.reason-high_risk_reviewer { border-color: var(--risk); color: var(--risk); }
.risk-high { color: var(--risk); font-weight: 700; }
.high-risk-title { margin-top: 20px; color: var(--risk); }
.alert-banner ul { margin: 4px 0 0; padding-left: 20px; }
.alert-banner li { margin: 2px 0; }
.alert-group-title { margin-top: 16px; font-size: 1.05em; color: #9a6700; }
.muted { color: var(--muted); }
.small { font-size: 13px; }
.empty { padding: 24px; text-align: center; color: var(--muted); background: var(--card); border: 1px dashed var(--line); border-radius: 8px; }
.error { background: #ffebe9; color: #8c1d13; border: 1px solid #ffcecb; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.error.small { padding: 2px 8px; margin: 2px 0; }
.error-text { color: var(--bad); }
.notice { background: var(--warn-bg); border: 1px solid #d4a72c; border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
.notice.risk { background: #fbefff; border-color: var(--risk); }
.ok { color: var(--good); font-weight: 600; }
.quote { white-space: pre-wrap; border-left: 3px solid var(--line); padding-left: 10px; margin: 6px 0; font-size: 16px; }
.case-title { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.crumbs { margin-bottom: 4px; align-items: center; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
.facts > div { display: contents; }
.facts dt { color: var(--muted); font-size: 13px; }
.facts dd { margin: 0; }
.timeline { display: flex; gap: 6px 18px; flex-wrap: wrap; list-style: none; padding: 0; margin: 0; font-size: 13px; }
.timeline li.missing { color: var(--muted); }
.timeline li + li::before { content: "→"; color: var(--muted); margin-right: 8px; }
.photo-list { display: flex; gap: 8px; list-style: none; padding: 0; flex-wrap: wrap; }
.photo-list img { width: 96px; height: 96px; object-fit: cover; border-radius: 6px; border: 1px solid var(--line); }
.reply .part { margin-bottom: 6px; }
.reply .part label { display: flex; flex-direction: row; gap: 8px; align-items: baseline; color: var(--ink); font-weight: 600; }
.preview { background: var(--bg); border-radius: 6px; padding: 8px 10px; white-space: pre-wrap; }
.script { padding-left: 20px; }
.script li { margin-bottom: 6px; }
.script .say { background: var(--bg); border-radius: 6px; padding: 4px 8px; margin-top: 2px; }
.remedy p { margin: 4px 0; }
.policy { border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; border: 1px solid var(--line); }
.policy.allowed { background: #dafbe1; border-color: #4ac26b; }
.policy.refused { background: #ffebe9; border-color: #ff8182; }
.policy ul { margin: 4px 0; padding-left: 20px; }
.contacts { padding-left: 20px; }
.contacts li { margin-bottom: 8px; }
.audit { padding-left: 20px; font-size: 13px; }
.risk-summary { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
.score { display: inline-block; min-width: 48px; text-align: center; font-size: 24px; font-weight: 700; border-radius: 8px; padding: 2px 8px; background: #eaeef2; }
.score.small-score { font-size: 15px; min-width: 36px; }
.score.level-high { background: #fbefff; color: var(--risk); }
.score.level-medium { background: #fff8c5; color: var(--medium); }
.watch { font-size: 13px; border: 1px solid var(--line); border-radius: 10px; padding: 0 8px; }
.watch-confirmed { border-color: var(--risk); color: var(--risk); font-weight: 600; }
.signals { list-style: none; padding: 0; }
.signals li { display: flex; gap: 8px; margin-bottom: 4px; }
.signals .points { min-width: 3em; text-align: right; font-weight: 700; color: var(--risk); }
.signals li.mitigating .points { color: var(--good); }
.reason-form { display: flex; gap: 8px; align-items: flex-end; flex-wrap: wrap; margin: 8px 0; }
.reason-form label { flex: 1; min-width: 200px; }
.progress { font-size: 13px; color: var(--muted); display: inline-flex; align-items: center; gap: 6px; min-height: 1em; }
.progress .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--accent); animation: pulse 1s ease-in-out infinite; }
@keyframes pulse { 50% { opacity: .25; } }
@media (prefers-reduced-motion: reduce) { .progress .dot { animation: none; } }
.delivery { font-weight: 600; }
.delivery-delivered { color: var(--good); } .delivery-failed { color: var(--bad); }
.delivery-pending { color: var(--medium); }
.endpoint-active { background: #dafbe1; color: #116329; } .endpoint-disabled { background: #ffebe9; color: #8c1d13; }
tbody.endpoint td.endpoint-url code { word-break: break-all; }
tbody.endpoint td.endpoint-types { max-width: 280px; }
tr.endpoint-panel td { background: var(--bg); }
.type-picker { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
.type-picker p { margin: 0 0 6px; }
.type-groups { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-start; }
.secret-panel { border-color: #d4a72c; }
.secret-field { flex: 1; min-width: 320px; }
.secret-field input { font-family: ui-monospace, monospace; width: 100%; }
code.event-id { word-break: break-all; }
.kbd { font-family: ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; font-size: 12px; background: var(--card); }
dialog.help { border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; max-width: 520px; }
dialog.help::backdrop { background: rgba(27,31,36,.4); }
dialog.help th { white-space: nowrap; }
.signin { max-width: 440px; margin: 10vh auto; }
.signin input[type="password"] { width: 100%; }
.week-nav { align-items: flex-end; margin-bottom: 8px; }
iframe.report { width: 100%; height: 78vh; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.toasts { position: fixed; bottom: 16px; right: 16px; display: flex; flex-direction: column; gap: 8px; z-index: 20; }
.toast { background: var(--ink); color: #fff; padding: 8px 16px; border-radius: 6px; margin: 0; box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.toast.error { background: var(--bad); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { header.top, .no-print, .week-nav, .toasts { display: none; } main { padding: 0; } iframe.report { height: auto; border: none; } }
`;
