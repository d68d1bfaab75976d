import { Controller, Get, Header, NotFoundException, Param, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Public } from '../shops/auth';
import { CONSOLE_CSS } from './console-css';
import { CONSOLE_HTML, IMPORT_MAP_HASH } from './console-html';

/** Where `npm run build:console` writes the compiled page scripts (the same from src/ under jest and from dist/). */
const APP_DIR = resolve(__dirname, '..', '..', 'dist', 'console', 'app');

/** The browser modules the page imports, served from node_modules: nothing is fetched from elsewhere. */
const VENDOR: Readonly<Record<string, string>> = {
  // the packages export their CommonJS entry points; the ES modules sit next to them
  'preact.mjs': join(dirname(require.resolve('preact')), 'preact.mjs'),
  'hooks.mjs': join(dirname(require.resolve('preact/hooks')), 'hooks.mjs'),
  'htm.mjs': join(dirname(require.resolve('htm')), 'htm.mjs'),
};

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
  @Get()
  page(@Res() response: Response): void {
    response.set({ ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).send(CONSOLE_HTML);
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
