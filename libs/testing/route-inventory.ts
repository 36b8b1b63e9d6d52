import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { INestApplication } from '@nestjs/common';
import { ACCESS_RULE, AccessRule } from '../auth';

export interface RouteAccess {
  route: string;
  rule: AccessRule | undefined;
}

/** Every HTTP route of the application with the access rule it declares (or none). */
export function routeInventory(app: INestApplication): RouteAccess[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteAccess[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const prefix = Reflect.getMetadata(PATH_METADATA, metatype) ?? '';
    const prototype = Object.getPrototypeOf(instance);
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[methodName];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const segments = [prefix, path].flat().join('/').split('/').filter(Boolean);
      routes.push({
        route: `${method} /${segments.join('/')}`,
        rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, metatype]),
      });
    }
  }
  return routes;
}
