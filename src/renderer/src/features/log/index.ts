/** What other features may use from the log. */
export { EventLog } from './EventLog';
export { buildCurl } from './curl';
