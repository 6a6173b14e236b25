export { CaseGate } from './CaseGate.js';
export { CasePage } from './CasePage.js';
export { useCurrentCase } from './use-case.js';
