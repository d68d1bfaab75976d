/** The console's stylesheet: system fonts only, high contrast, visible focus, prints the report view cleanly. */
export const CONSOLE_CSS = `
:root {
  --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --card: #ffffff;
  --accent: #0b5cad; --accent-ink: #ffffff; --bad: #b42318; --medium: #9a6700; --good: #1a7f37; --warn-bg: #fff8c5;
  --risk: #8250df; --focus: #ff9f1c;
  font-family: -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); background: var(--bg); font-size: 15px; line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button, select, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; border: 1px solid var(--line); background: var(--card); border-radius: 6px; padding: 4px 12px; min-height: 32px; }
button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
button.danger { color: var(--bad); border-color: var(--bad); }
button:disabled { opacity: .55; cursor: default; }
input, select, textarea { border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; background: var(--card); min-height: 32px; }
textarea { width: 100%; min-height: 5em; }
label { display: inline-flex; flex-direction: column; gap: 2px; font-size: 13px; color: var(--muted); }
header.top { display: flex; align-items: center; gap: 16px; padding: 8px 16px; background: var(--ink); color: #fff; }
header.top a { color: #fff; text-decoration: none; padding: 4px 8px; border-radius: 6px; }
header.top a[aria-current="page"] { background: rgba(255,255,255,.18); }
header.top .spacer { flex: 1; }
header.top button, header.top select { background: transparent; color: #fff; border-color: rgba(255,255,255,.5); }
header.top select option { color: var(--ink); }
main { padding: 16px; max-width: 1280px; margin: 0 auto; }
.boot { padding: 32px; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
.card h2 { font-size: 16px; margin: 0 0 8px; }
.row { display: flex; gap: 12px; flex-wrap: wrap; align-items: flex-end; }
.grid2 { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.counts { display: flex; gap: 12px; margin-bottom: 12px; }
.count { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 110px; }
.count b { display: block; font-size: 22px; }
.count.overdue b { color: var(--bad); }
table { width: 100%; border-collapse: collapse; background: var(--card); }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
tr.selected td { background: #ddf4ff; }
tr.item { cursor: pointer; }
.grade-bad { color: var(--bad); font-weight: 600; }
.grade-medium { color: var(--medium); font-weight: 600; }
.grade-good { color: var(--good); font-weight: 600; }
.tag { display: inline-block; padding: 0 8px; border-radius: 10px; background: #eaeef2; margin: 0 4px 4px 0; font-size: 13px; }
.tag.quality { background: #ffebe9; } .tag.logistics { background: #ddf4ff; } .tag.service { background: #fbefff; } .tag.price { background: #fff8c5; }
.reason { display: inline-block; font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 10px; padding: 0 6px; margin: 0 4px 2px 0; }
.risk-high { color: var(--risk); font-weight: 700; }
.muted { color: var(--muted); }
.error { background: #ffebe9; color: var(--bad); border: 1px solid #ffcecb; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.notice { background: var(--warn-bg); border: 1px solid #d4a72c; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.ok { color: var(--good); }
.quote { white-space: pre-wrap; border-left: 3px solid var(--line); padding-left: 10px; margin: 6px 0; }
.timeline { display: flex; gap: 16px; flex-wrap: wrap; font-size: 13px; color: var(--muted); }
.kbd { font-family: ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; font-size: 12px; }
.signin { max-width: 420px; margin: 10vh auto; }
.signin input { width: 100%; }
iframe.report { width: 100%; height: 80vh; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.toast { position: fixed; bottom: 16px; right: 16px; background: var(--ink); color: #fff; padding: 8px 16px; border-radius: 6px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media print { header.top, .no-print { display: none; } main { padding: 0; } }
`;
