import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
__requireBuiltin("node:path");
export { I as INIT_STATE, l as loadBackends, w as webAssemblyAvailable } from './load.js';
