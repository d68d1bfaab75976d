import { Controller, Get, Header, NotFoundException, Param, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Public } from '../common/http/public.decorator';
import { CONSOLE_CSS } from './console-css';
import { CONSOLE_HTML } from './console-html';

/** Where `npm run build:console` writes the page's bundle and its source map (the same from src/ under jest and from dist/). */
const APP_DIR = resolve(__dirname, '..', '..', 'dist', 'console', 'app');

const SECURITY_HEADERS = {
  // the page talks to this service only and runs only its own bundle; review photos are the one thing shown from
  // elsewhere, on request; inline styles are allowed for the weekly report, a self-contained page shown in a frame
  'Content-Security-Policy': `default-src 'self'; img-src 'self' data: https: http:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
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

  @Get('app/:file')
  app(@Param('file') file: string, @Res() response: Response): void {
    if (!/^[a-z0-9-]+\.js(\.map)?$/.test(file)) throw new NotFoundException();
    const path = resolve(APP_DIR, file);
    if (!path.startsWith(APP_DIR + sep) || !existsSync(path)) throw new NotFoundException();
    response
      .set({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' })
      .type(file.endsWith('.map') ? 'application/json' : 'text/javascript')
      .sendFile(path);
  }
}
