import { createHash } from 'node:crypto';

/** Where the page's bare imports point: the vendored modules the controller serves. */
export const IMPORTS: Readonly<Record<string, string>> = {
  preact: '/console/vendor/preact.mjs',
  'preact/hooks': '/console/vendor/hooks.mjs',
  htm: '/console/vendor/htm.mjs',
};

const IMPORT_MAP = JSON.stringify({ imports: IMPORTS });

/** The import map is an inline script: the Content-Security-Policy allows exactly it, by hash. */
export const IMPORT_MAP_HASH = `'sha256-${createHash('sha256').update(IMPORT_MAP).digest('base64')}'`;

/**
 * The console's only HTML: the import map for the vendored modules, a preload of each module the app
 * imports (`modules`, URLs) and the app's entry module.
 */
export function consoleHtml(modules: readonly string[]): string {
  const preloads = modules.map((url) => `<link rel="modulepreload" href="${url}">\n`).join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review recovery console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script type="importmap">${IMPORT_MAP}</script>
${preloads}<script type="module" src="/console/app/main.js"></script>
</head>
<body>
<div id="app"><p class="boot">Loading…</p></div>
<noscript>This console needs JavaScript.</noscript>
</body>
</html>
`;
}
