export { ExportPage } from './ExportPage.js';
