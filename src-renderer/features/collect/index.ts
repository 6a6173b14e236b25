export { CollectPage } from './CollectPage.js';
export { windowProgress } from './job-format.js';
