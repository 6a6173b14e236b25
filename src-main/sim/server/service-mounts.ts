import { armErrorShapes } from './arm/arm-errors.js';
import { armRoutes } from './arm/arm-routes.js';
import { loginErrorShapes } from './auth/login-errors.js';
import { signInRoutes } from './auth/sign-in-routes.js';
import type { StsContext } from './auth/sts-context.js';
import { tokenEndpointRoutes } from './auth/token-endpoint.js';
import { devopsErrorShapes } from './devops/devops-errors.js';
import { devopsRoutes } from './devops/devops-routes.js';
import { exoErrorShapes } from './exo/exo-errors.js';
import { invokeCommandRoutes } from './exo/invoke-command-routes.js';
import { auditLogRoutes } from './graph/audit-log-routes.js';
import { auditQueryRoutes } from './graph/audit-query-routes.js';
import { directoryRoutes } from './graph/directory-routes.js';
import { graphErrorShapes } from './graph/graph-errors.js';
import { tenantConfigRoutes } from './graph/tenant-config-routes.js';
import type { ServiceMount } from './http/request-pipeline.js';
import { createRouteTable } from './http/router.js';
import { managementActivityRoutes } from './mgmt/management-activity-routes.js';
import { mgmtErrorShapes } from './mgmt/mgmt-errors.js';
import { SERVICE_PREFIXES, type SimApiContext } from './sim-context.js';
import { createUalStore } from './ual/ual-store.js';

/** Every simulated service on its path prefix, with its routes, auth, bucket and error shapes. */
export function createServiceMounts(api: SimApiContext, sts: StsContext): ServiceMount[] {
  const ual = createUalStore(api);
  const devops = devopsRoutes(api);
  return [
    {
      service: 'login',
      prefix: SERVICE_PREFIXES.login,
      routes: createRouteTable([...signInRoutes(sts), ...tokenEndpointRoutes(sts)]),
      defaultBucket: 'login',
      requiresAuth: false,
      errors: loginErrorShapes,
    },
    {
      service: 'graph',
      prefix: SERVICE_PREFIXES.graph,
      routes: createRouteTable([...auditLogRoutes(api), ...directoryRoutes(api), ...tenantConfigRoutes(api), ...auditQueryRoutes(api, ual)]),
      defaultBucket: 'graph',
      requiresAuth: true,
      errors: graphErrorShapes,
    },
    {
      service: 'exo',
      prefix: SERVICE_PREFIXES.exo,
      routes: createRouteTable(invokeCommandRoutes(api, ual)),
      defaultBucket: 'exo',
      requiresAuth: true,
      errors: exoErrorShapes,
    },
    {
      service: 'mgmt',
      prefix: SERVICE_PREFIXES.mgmt,
      routes: createRouteTable(managementActivityRoutes(api, ual)),
      defaultBucket: 'mgmt',
      requiresAuth: true,
      errors: mgmtErrorShapes,
    },
    {
      service: 'arm',
      prefix: SERVICE_PREFIXES.arm,
      routes: createRouteTable(armRoutes(api)),
      defaultBucket: 'arm-read',
      requiresAuth: true,
      errors: armErrorShapes,
      decorate(response, rate) {
        // ARM reports the bucket on every answer so clients can slow down before a 429.
        if (rate?.limit) {
          response.headers = { ...(response.headers ?? {}), 'x-ms-ratelimit-remaining-subscription-reads': String(rate.remaining) };
        }
      },
    },
    {
      service: 'devops',
      prefix: SERVICE_PREFIXES.devopsVssps,
      routes: createRouteTable(devops.vssps),
      defaultBucket: 'devops',
      requiresAuth: true,
      errors: devopsErrorShapes,
    },
    {
      service: 'devops',
      prefix: SERVICE_PREFIXES.devopsAudit,
      routes: createRouteTable(devops.audit),
      defaultBucket: 'devops',
      requiresAuth: true,
      errors: devopsErrorShapes,
    },
    {
      service: 'devops',
      prefix: SERVICE_PREFIXES.devops,
      // dev.azure.com itself: the organisation-scoped audit route is also reachable here.
      routes: createRouteTable(devops.audit),
      defaultBucket: 'devops',
      requiresAuth: true,
      errors: devopsErrorShapes,
    },
  ];
}
