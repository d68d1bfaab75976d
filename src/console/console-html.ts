import { createHash } from 'node:crypto';

const IMPORT_MAP = JSON.stringify({
  imports: { preact: '/console/vendor/preact.mjs', 'preact/hooks': '/console/vendor/hooks.mjs', htm: '/console/vendor/htm.mjs' },
});

/** The import map is an inline script: the Content-Security-Policy allows exactly it, by hash. */
export const IMPORT_MAP_HASH = `'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`;

/** The console's only HTML: the import map for the vendored modules and the app's entry module. */
export const CONSOLE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review recovery console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script type="importmap">${IMPORT_MAP}</script>
<script type="module" src="/console/app/main.js"></script>
</head>
<body>
<div id="app"><p class="boot">Loading…</p></div>
<noscript>This console needs JavaScript.</noscript>
</body>
</html>
`;
