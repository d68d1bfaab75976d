/**
 * The console's only HTML: the stylesheet and the app, one module bundled by esbuild (`npm run build:console`) with
 * preact and htm inside, so a first visit loads it in one request.
 */
export const CONSOLE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review recovery console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/console.css">
<script type="module" src="/console/app/main.js"></script>
</head>
<body>
<div id="app"><p class="boot">Loading…</p></div>
<noscript>This console needs JavaScript.</noscript>
</body>
</html>
`;
