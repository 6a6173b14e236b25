export { TimelinePage } from './TimelinePage.js';
