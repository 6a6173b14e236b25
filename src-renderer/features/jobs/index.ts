export { JobsStatus } from './JobsStatus.js';
