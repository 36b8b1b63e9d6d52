import { demoLogins } from '../../../src/demo/demo-seeder';
import { BENCH_PASSWORD } from '../bina-app';
import type { Scenario } from '../scenario';

/**
 * A learner signs in (POST /api/auth/login: argon2 verify, rate-limit bookkeeping,
 * token issue), loads their profile with the token (GET /api/me: JWT check, one read) and
 * their server-rendered home page with the session cookie (GET /beranda).
 */
export const signInAndHome: Scenario = {
  name: 'sign-in-and-home',
  description: 'POST /api/auth/login, GET /api/me and the /beranda page, against a bare Nest/Fastify hello endpoint',
  async run(ctx) {
    const learner = demoLogins().find((l) => l.role === 'learner');
    if (!learner) throw new Error('the demo data has no learner');
    const body = JSON.stringify({ username: learner.username, password: BENCH_PASSWORD });
    const headers = { 'content-type': 'application/json' };
    const loginUrl = `${ctx.bina.baseUrl}/api/auth/login`;

    const probe = await fetch(loginUrl, { method: 'POST', headers, body });
    if (probe.status !== 200) {
      throw new Error(
        `login as ${learner.username} answered ${probe.status}: ${await probe.text()}\n` +
          `(with DATABASE_URL, bench an empty database: the demo password is set only when it seeds)`,
      );
    }
    const { accessToken } = (await probe.json()) as { accessToken: string };

    const login = await ctx.measure({ url: loginUrl, method: 'POST', headers, body });
    const me = await ctx.measure({
      url: `${ctx.bina.baseUrl}/api/me`,
      headers: { authorization: `Bearer ${accessToken}` },
    });
    const home = await ctx.measure({
      url: `${ctx.bina.baseUrl}/beranda`,
      headers: { cookie: `bina_session=${accessToken}` },
    });
    const rps = ctx.baseline.rps;
    return [
      { metric: 'login', unit: 'req/s', value: login.rps, baseline: rps, measurement: login },
      { metric: 'GET /api/me', unit: 'req/s', value: me.rps, baseline: rps, measurement: me },
      { metric: 'GET /beranda (home page)', unit: 'req/s', value: home.rps, baseline: rps, measurement: home },
    ];
  },
};
