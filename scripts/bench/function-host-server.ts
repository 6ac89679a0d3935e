/**
 * Child process of the latency benchmark: serves the token and proxy functions' own code on a free loopback
 * port (see function-host.ts) and prints `listening <port>`. Settings come from the environment the parent
 * passes (the same values scripts/local-run.ts gives netlify serve); PUBLIC_ORIGIN is the site's origin.
 */
import { serveFunctions } from './function-host.ts';

const publicOrigin = process.env.PUBLIC_ORIGIN;
if (!publicOrigin) throw new Error('PUBLIC_ORIGIN is required');
const { port } = await serveFunctions(publicOrigin);
console.log(`listening ${port}`);
