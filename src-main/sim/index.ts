/**
 * Public surface of the simulated Microsoft cloud: start it, describe its options and faults,
 * and the MSAL network module that trusts its CA.
 */
export { startSimulator, type RunningSimulator } from './start-simulator.js';
export { simulatorOptionsSchema, simLimitsSchema, type SimulatorOptions, type SimLimits } from './server/options.js';
export { parseFaultSpec, faultsOptionSchema, BUCKET_NAMES, FAULT_KINDS, type FaultPlan, type FaultRule, type BucketName } from './server/faults/fault-spec.js';
export { DEFAULT_RATE_LIMITS } from './server/faults/rate-limiter.js';
export { SERVICE_PREFIXES, serviceUrlsFor, type SimServiceUrls } from './server/sim-context.js';
export { SIM_RESOURCES } from './server/auth/resources.js';
export { createCaTrustingNetworkClient, type CaTrustingNetworkClientOptions } from './msal-network-client.js';
