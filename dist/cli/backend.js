import 'node:path';
export { I as INIT_STATE, l as loadBackends } from './load.js';
