import type { Scenario } from '../scenario';
import { signInAndHome } from './sign-in-and-home';

/** Every benchmark scenario, in the order `npm run bench` runs them. Add new ones here. */
export const SCENARIOS: Scenario[] = [signInAndHome];
