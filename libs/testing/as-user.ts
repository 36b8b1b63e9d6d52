import type { GivenUser } from './factories';
import type { TestApp } from './test-app';

/** API calls as one person (their bearer token set on each request). */
export function asUser(t: TestApp, who: Pick<GivenUser, 'auth'>) {
  return {
    get: (url: string) => t.http().get(url).set('authorization', who.auth),
    post: (url: string, body?: object) => t.http().post(url).set('authorization', who.auth).send(body),
    put: (url: string, body?: object) => t.http().put(url).set('authorization', who.auth).send(body),
    del: (url: string) => t.http().delete(url).set('authorization', who.auth),
  };
}
