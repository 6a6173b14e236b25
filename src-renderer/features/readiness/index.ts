export { ReadinessPage } from './ReadinessPage.js';
