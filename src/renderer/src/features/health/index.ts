/** What the app shell uses from the health feature. */
export { HealthBanner } from './HealthBanner';
