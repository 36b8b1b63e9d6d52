import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../../../libs/config';

/** Registers the view engine and static assets (filled in by the web module). */
export async function configureWeb(_app: NestFastifyApplication, _config: AppConfig): Promise<void> {}
