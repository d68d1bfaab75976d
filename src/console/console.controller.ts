import { Controller, Get, Header, NotFoundException, Param, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Public } from '../common/http/public.decorator';
import { CONSOLE_CSS } from './console-css';
import { consoleHtml, IMPORT_MAP_HASH, IMPORTS } from './console-html';

/** Where `npm run build:console` writes the compiled page scripts (the same from src/ under jest and from dist/). */
const APP_DIR = resolve(__dirname, '..', '..', 'dist', 'console', 'app');

/** The browser modules the page imports, served from node_modules: nothing is fetched from elsewhere. */
const VENDOR: Readonly<Record<string, string>> = {
  // the packages export their CommonJS entry points; the ES modules sit next to them
  'preact.mjs': join(dirname(require.resolve('preact')), 'preact.mjs'),
  'hooks.mjs': join(dirname(require.resolve('preact/hooks')), 'hooks.mjs'),
  'htm.mjs': join(dirname(require.resolve('htm')), 'htm.mjs'),
};

const IMPORT_SPECIFIER = /\b(?:from|import)\s*['"]([^'"]+)['"]/g;

/**
 * The modules main.js imports, directly or through others, as the URLs the page loads them from. The page
 * preloads them all: left alone, the browser finds them one level of imports at a time, a round trip per
 * level (three), which was the largest step of a first visit in `npm run bench:console`.
 */
export function appModules(appDir = APP_DIR): string[] {
  const urls: string[] = [];
  const visit = (file: string) => {
    const url = `/console/app/${file}`;
    const path = join(appDir, file);
    if (urls.includes(url) || !existsSync(path)) return;
    urls.push(url);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      if (specifier.startsWith('./')) visit(specifier.slice(2));
      else if (IMPORTS[specifier] && !urls.includes(IMPORTS[specifier])) urls.push(IMPORTS[specifier]);
    }
  };
  visit('main.js');
  // the page's script tag asks for main.js itself
  return urls.slice(1);
}

const SECURITY_HEADERS = {
  // the page talks to this service only; review photos are the one thing shown from elsewhere, on request;
  // inline styles are allowed for the weekly report, a self-contained page shown in a frame
  'Content-Security-Policy':
    `default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; script-src 'self' ${IMPORT_MAP_HASH}; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The staff console: one page, served by the service itself at /console. */
@ApiExcludeController()
@Public()
@Controller({ path: 'console', version: VERSION_NEUTRAL })
export class ConsoleController {
  /** built on the first visit, once `npm run build:console` has written the modules it lists */
  private html: string | null = null;

  @Get()
  page(@Res() response: Response): void {
    this.html ??= consoleHtml(appModules());
    response.set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(this.html);
  }

  @Get('console.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  css(): string {
    return CONSOLE_CSS;
  }

  @Get('vendor/:file')
  vendor(@Param('file') file: string, @Res() response: Response): void {
    const path = VENDOR[file];
    if (!path) throw new NotFoundException();
    response.set({ ...SECURITY_HEADERS, 'Cache-Control': 'public, max-age=86400' }).type('text/javascript').sendFile(path);
  }

  @Get('app/:file')
  app(@Param('file') file: string, @Res() response: Response): void {
    if (!/^[a-z0-9-]+\.js(\.map)?$/.test(file)) throw new NotFoundException();
    const path = resolve(APP_DIR, file);
    if (!path.startsWith(APP_DIR + sep) || !existsSync(path)) throw new NotFoundException();
    response.set({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' }).type(file.endsWith('.map') ? 'application/json' : 'text/javascript').sendFile(path);
  }
}
