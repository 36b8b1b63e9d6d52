import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Eta } from 'eta';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../libs/common';
import type { AppConfig } from '../../../libs/config';

/** Templates and assets are read from src/ at run time (no build step for pages). */
export const VIEWS_DIR = join(PROJECT_ROOT, 'src/modules/web/views');
export const ASSETS_DIR = join(PROJECT_ROOT, 'src/modules/web/assets');

/** Registers the view engine (Eta through @fastify/view) and the static assets under /assets/. */
export async function configureWeb(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const production = config.env === 'production';
  const eta = new Eta({ views: VIEWS_DIR, cache: production, autoEscape: true });
  await app.register(fastifyView, { engine: { eta }, root: VIEWS_DIR, production });
  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    maxAge: production ? '7d' : 0,
    immutable: production,
  });
}
