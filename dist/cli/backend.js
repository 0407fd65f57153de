import 'node:path';
export { I as INIT_STATE, l as loadBackends, w as webAssemblyAvailable } from './load.js';
