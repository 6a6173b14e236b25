export { CasePage } from './CasePage.js';
export { useCurrentCase } from './use-case.js';
