import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { generateDataset } from './data/generate.js';
import { writeGroundTruth } from './data/ground-truth.js';
import type { SimDataset } from './data/types.js';
import { loadOrCreateSigner } from './server/auth/jwt.js';
import { createPendingGrants } from './server/auth/pending-grants.js';
import type { StsContext } from './server/auth/sts-context.js';
import { createTokenService, type SimAccount } from './server/auth/token-service.js';
import { createFaultInjector } from './server/faults/fault-injector.js';
import { faultsOptionSchema, type FaultPlan } from './server/faults/fault-spec.js';
import { createRateLimiter, effectiveRateLimits } from './server/faults/rate-limiter.js';
import { createRequestListener } from './server/http/request-pipeline.js';
import { floorToHour, resolveLimits, simulatorOptionsSchema, type SimLimits, type SimulatorOptions } from './server/options.js';
import { createServiceMounts } from './server/service-mounts.js';
import { serviceUrlsFor, type SimApiContext, type SimServiceUrls } from './server/sim-context.js';
import { loadOrCreateCertificates } from './server/tls/certificate-authority.js';

/**
 * Starts the simulated Microsoft cloud: one HTTPS port on 127.0.0.1 serving the identity
 * platform (at the root, so `${baseUrl}/${tenantId}` is an MSAL authority) and Graph, Exchange
 * Online, the Management Activity API, ARM and Azure DevOps under path prefixes.
 */
export interface RunningSimulator {
  baseUrl: string;
  tenantId: string;
  /** MSAL authority; put `new URL(baseUrl).host` in knownAuthorities. */
  authority: string;
  caCertPath: string;
  caCertPem: string;
  groundTruthPath: string;
  dataset: SimDataset;
  serviceUrls: SimServiceUrls;
  limits: SimLimits;
  /** Replaces the fault/throttling plan (text syntax or object) for the requests that follow. */
  setFaults(spec: string | FaultPlan): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const opts = simulatorOptionsSchema.parse(options);
  const clock = opts.clock ?? ((): Date => new Date());
  const sleep = opts.sleep ?? ((ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms)));
  const log = opts.log ?? ((line: string): void => void process.stderr.write(`${line}\n`));
  const limits = resolveLimits(opts.limits);
  const anchor = opts.anchor ?? floorToHour(clock());
  const dataset = opts.dataset ?? generateDataset({ seed: opts.seed, profile: opts.profile, days: opts.days, scale: opts.scale, anchor });

  const stateDir = resolve(opts.stateDir);
  const certificates = loadOrCreateCertificates(stateDir, clock());
  const signer = loadOrCreateSigner(stateDir);
  const groundTruthPath = join(stateDir, 'ground-truth.json');
  await writeGroundTruth(dataset, groundTruthPath);

  const server: Server = createServer({ key: certificates.serverKeyPem, cert: certificates.serverCertPem });
  await listen(server, opts.port);
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `https://127.0.0.1:${port}`;
  const urls = serviceUrlsFor(baseUrl);
  const tenantId = dataset.tenant.id;

  const startedAt = clock().getTime();
  const datasetAnchor = Date.parse(dataset.anchor);
  const faults = createFaultInjector(dataset.seed, opts.faults, limits.slowMs);
  let rateLimiter = createRateLimiter(effectiveRateLimits(opts.faults), () => clock().getTime());

  const account: SimAccount = {
    id: dataset.signedInUser.id,
    userPrincipalName: dataset.signedInUser.userPrincipalName,
    displayName: dataset.signedInUser.displayName,
    roleTemplateIds: dataset.profile.signedInUserRoles.map((r) => r.roleTemplateId),
  };
  const tokens = createTokenService({
    signer,
    tenantId,
    loginBase: () => baseUrl,
    nowMs: () => clock().getTime(),
    accessTokenLifetimeSeconds: opts.tokenLifetimeSeconds,
    refreshTokenLifetimeSeconds: limits.refreshTokenLifetimeSeconds,
  });
  const sts: StsContext = {
    tenantId,
    tenantDomains: dataset.tenant.domains,
    accounts: [account],
    loginBase: () => baseUrl,
    tokens,
    jwks: () => signer.jwks(),
    grants: createPendingGrants(() => clock().getTime()),
    limits,
    autoApprove: opts.autoApprove,
    now: clock,
  };
  const api: SimApiContext = {
    dataset,
    profile: dataset.profile,
    limits,
    seed: dataset.seed,
    tenantId,
    now: clock,
    simNow: () => new Date(datasetAnchor + (clock().getTime() - startedAt)),
    faults,
  };

  server.on(
    'request',
    createRequestListener({
      mounts: createServiceMounts(api, sts),
      baseUrl: () => baseUrl,
      faults,
      rateLimiter: { take: (bucket, key) => rateLimiter.take(bucket, key) },
      checkToken: (authorization, service) => tokens.checkAccessToken(authorization, service),
      sleep,
      onError: (error, req) => {
        log(`simulator: handler failed for ${req.method} ${req.url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    }),
  );

  return {
    baseUrl,
    tenantId,
    authority: `${baseUrl}/${tenantId}`,
    caCertPath: certificates.caCertPath,
    caCertPem: certificates.caCertPem,
    groundTruthPath,
    dataset,
    serviceUrls: urls,
    limits,
    setFaults(spec) {
      const plan = faultsOptionSchema.parse(spec);
      faults.setPlan(plan);
      rateLimiter = createRateLimiter(effectiveRateLimits(plan), () => clock().getTime());
    },
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.close((error) => (error ? reject(error) : resolvePromise()));
    // Keep-alive sockets would hold close() open until they time out.
    server.closeAllConnections();
  });
}
