export { CollectPage } from './CollectPage.js';
