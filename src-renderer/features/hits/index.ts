export { HitsPage } from './HitsPage.js';
