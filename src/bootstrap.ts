import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createValidationPipe, requestIdFor } from '../libs/common';
import { AppConfig } from '../libs/config';
import { AppModule } from './app.module';
import { createRootLogger, logRequest, PinoNestLogger } from './logging';
import { SESSION_COOKIE } from './modules/identity/auth/session-cookie';
import { AppExceptionsFilter } from './modules/web/page-exception.filter';
import { CSRF_COOKIE } from './modules/web/sign-in.controller';
import { configureWeb } from './modules/web/web.setup';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP application (api and all roles), fully configured but not yet listening. */
export interface AppOptions {
  /** Where log lines go; stdout when absent. */
  logStream?: NodeJS.WritableStream;
}

/**
 * A number of hops becomes a function: Fastify ignores a bare hop count (it cannot check the
 * peer), while a deployment behind its one load balancer, reachable only through it, needs
 * exactly "the address the nearest proxy saw".
 */
function proxyTrust(trust: AppConfig['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

export async function createHttpApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const root = createRootLogger(config, options.logStream);
  const adapter = new FastifyAdapter({
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024,
    genReqId: (req: IncomingMessage) => {
      const id = requestIdFor(req);
      (req as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(root),
  });
  app.enableShutdownHooks();
  app.useGlobalPipes(createValidationPipe());
  // JSON errors everywhere, but a page form refused by the CSRF check below gets the error page.
  app.useGlobalFilters(new AppExceptionsFilter());

  const cookieSecret = createHmac('sha256', config.auth.jwtSecret).update('cookie-signing').digest('base64url');
  await app.register(fastifyCookie, { secret: cookieSecret });
  // The CSRF secret lasts as long as the sign-in (a session cookie would be dropped with the
  // browser session while the sign-in lives on, and a restored tab's forms would be refused);
  // each page view renews it (below), so it never ends before a sign-in made after it.
  // Signing out clears it (SignInController): the next sign-in starts with a new secret.
  const csrfCookieOpts = {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    signed: true,
    secure: config.auth.cookieSecure,
    maxAge: config.auth.jwtTtlSeconds,
  } as const;
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: csrfCookieOpts,
    // Multipart bodies are read by the route, after this check: upload forms carry the
    // token in their action URL instead (same-origin referrer policy keeps it from leaking).
    getToken: (req) =>
      ((req.body as Record<string, unknown> | undefined)?._csrf as string | undefined) ??
      (req.headers['x-csrf-token'] as string | undefined) ??
      (req.isMultipart()
        ? ((req.query as Record<string, unknown> | undefined)?._csrf as string | undefined)
        : undefined),
  });
  // The server-wide cap is the largest upload any route takes (a lesson video); each route
  // enforces its own, smaller limit through readUploadedFile.
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: Math.max(config.uploadMaxBytes, 200 * 1024 * 1024),
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', req.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('x-frame-options', 'DENY');
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    logRequest(root, req, reply);
    done();
  });
  // CSRF applies to whatever a browser sends with its cookies: forms, and API calls
  // authenticated by the session cookie. Bearer-token clients are not exposed to it.
  fastify.addHook('preHandler', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method)) {
      if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
        const secret = req.cookies?.[CSRF_COOKIE] ? reply.unsignCookie(req.cookies[CSRF_COOKIE]).value : null;
        if (secret) void reply.setCookie(CSRF_COOKIE, secret, csrfCookieOpts);
      }
      return done();
    }
    const bearer = /^Bearer\s/i.test(req.headers.authorization ?? '');
    const browserSession = Boolean(req.cookies?.[SESSION_COOKIE]);
    const isApi = req.url.startsWith('/api/');
    if (bearer || (isApi && !browserSession)) return done();
    fastify.csrfProtection(req, reply, done);
  });
  // Errors raised in Fastify hooks and body parsing (CSRF, malformed JSON, oversized bodies)
  // reach Nest's exception layer too, so the one filter shapes every error response.

  await configureWeb(app, config);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Bina API')
      .setDescription('E-learning and competency development for ASN')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}

/** The worker role: modules, queue processors and schedulers, no HTTP. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoNestLogger(createRootLogger(config)),
  });
  app.enableShutdownHooks();
  return app;
}
