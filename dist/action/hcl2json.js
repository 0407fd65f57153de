import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const require$$1 = __requireBuiltin("util");
const path = __requireBuiltin("path");
const require$$3 = __requireBuiltin("zlib");
const fs__default = __requireBuiltin("fs");
const require$$2 = __requireBuiltin("perf_hooks");
const crypto__default = __requireBuiltin("crypto");
const { lstatSync, readFileSync, readdirSync } = __requireBuiltin("node:fs");
const { readFile } = __requireBuiltin("node:fs/promises");

function _mergeNamespaces(n, m) {
	m.forEach(function (e) {
		e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
			if (k !== 'default' && !(k in n)) {
				var d = Object.getOwnPropertyDescriptor(e, k);
				Object.defineProperty(n, k, d.get ? d : {
					enumerable: true,
					get: function () { return e[k]; }
				});
			}
		});
	});
	return Object.freeze(n);
}

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

function getAugmentedNamespace(n) {
  if (Object.prototype.hasOwnProperty.call(n, '__esModule')) return n;
  var f = n.default;
	if (typeof f == "function") {
		var a = function a () {
			var isInstance = false;
      try {
        isInstance = this instanceof a;
      } catch (e) {}
			if (isInstance) {
        return Reflect.construct(f, arguments, this.constructor);
			}
			return f.apply(this, arguments);
		};
		a.prototype = f.prototype;
  } else a = {};
  Object.defineProperty(a, '__esModule', {value: true});
	Object.keys(n).forEach(function (k) {
		var d = Object.getOwnPropertyDescriptor(n, k);
		Object.defineProperty(a, k, d.get ? d : {
			enumerable: true,
			get: function () {
				return n[k];
			}
		});
	});
	return a;
}

var build = {};

var bridge = {};

var _hcl2json_fs = /*#__PURE__*/Object.freeze({
	__proto__: null,
	lstatSync: lstatSync,
	readFile: readFile,
	readFileSync: readFileSync,
	readdirSync: readdirSync
});

var require$$0 = /*@__PURE__*/getAugmentedNamespace(_hcl2json_fs);

var deepmerge = {};

var hasRequiredDeepmerge;

function requireDeepmerge () {
	if (hasRequiredDeepmerge) return deepmerge;
	hasRequiredDeepmerge = 1;
	Object.defineProperty(deepmerge, "__esModule", { value: true });
	deepmerge.deepMerge = void 0;
	// Copyright (c) HashiCorp, Inc
	// SPDX-License-Identifier: MPL-2.0
	/**
	 * Merges `source` into `target`, overriding any existing values.
	 * `undefined` will cause a value to be deleted.
	 */
	function deepMerge(target, ...sources) {
	    for (const source of sources) {
	        if (typeof source !== "object" || typeof target !== "object") {
	            throw new Error(`Invalid usage. Both source (${JSON.stringify(source)}) and target (${JSON.stringify(target)}) must be objects`);
	        }
	        for (const key of Object.keys(source)) {
	            const value = source[key];
	            if (typeof value === "object" && value != null && !Array.isArray(value)) {
	                // if the value at the target is not an object, override it with an
	                // object so we can continue the recursion
	                if (typeof target[key] !== "object") {
	                    target[key] = {};
	                }
	                deepMerge(target[key], value);
	                // if the result of the merge is an empty object, it's because the
	                // eventual value we assigned is `undefined`, and there are no
	                // sibling concrete values alongside, so we can delete this tree.
	                const output = target[key];
	                if (typeof output === "object" && Object.keys(output).length === 0) {
	                    delete target[key];
	                }
	            }
	            else if (typeof value === "object" &&
	                value != null &&
	                Array.isArray(value)) {
	                if (Array.isArray(target[key])) {
	                    target[key] = [...target[key], ...value];
	                }
	                else {
	                    target[key] = value;
	                }
	            }
	            else if (value === undefined) {
	                delete target[key];
	            }
	            else {
	                target[key] = value;
	            }
	        }
	    }
	    return target;
	}
	deepmerge.deepMerge = deepMerge;
	
	return deepmerge;
}

var references = {};

var syntaxTree = {};

var hasRequiredSyntaxTree;

function requireSyntaxTree () {
	if (hasRequiredSyntaxTree) return syntaxTree;
	hasRequiredSyntaxTree = 1;
	Object.defineProperty(syntaxTree, "__esModule", { value: true });
	syntaxTree.getChildWithValue = syntaxTree.isIndexTraversalPart = syntaxTree.isNameTraversalPart = syntaxTree.isObjectExpression = syntaxTree.isTupleExpression = syntaxTree.isBinaryOpExpression = syntaxTree.isUnaryOpExpression = syntaxTree.isConditionalExpression = syntaxTree.isSplatExpression = syntaxTree.isIndexExpression = syntaxTree.isLiteralValueExpression = syntaxTree.isRelativeTraversalExpression = syntaxTree.isScopeTraversalExpression = syntaxTree.isFunctionCallExpression = syntaxTree.isTemplateExpression = syntaxTree.isTemplateWrapExpression = syntaxTree.isForExpression = void 0;
	function isForExpression(ast) {
	    return ast.type === "for";
	}
	syntaxTree.isForExpression = isForExpression;
	function isTemplateWrapExpression(ast) {
	    return ast.type === "templateWrap";
	}
	syntaxTree.isTemplateWrapExpression = isTemplateWrapExpression;
	function isTemplateExpression(ast) {
	    return ast.type === "template";
	}
	syntaxTree.isTemplateExpression = isTemplateExpression;
	function isFunctionCallExpression(ast) {
	    return ast.type === "function";
	}
	syntaxTree.isFunctionCallExpression = isFunctionCallExpression;
	function isScopeTraversalExpression(ast) {
	    return ast.type === "scopeTraversal";
	}
	syntaxTree.isScopeTraversalExpression = isScopeTraversalExpression;
	function isRelativeTraversalExpression(ast) {
	    return ast.type === "relativeTraversal";
	}
	syntaxTree.isRelativeTraversalExpression = isRelativeTraversalExpression;
	function isLiteralValueExpression(ast) {
	    return ast.type === "literalValue";
	}
	syntaxTree.isLiteralValueExpression = isLiteralValueExpression;
	function isIndexExpression(ast) {
	    return ast.type === "index";
	}
	syntaxTree.isIndexExpression = isIndexExpression;
	function isSplatExpression(ast) {
	    return ast.type === "splat";
	}
	syntaxTree.isSplatExpression = isSplatExpression;
	function isConditionalExpression(ast) {
	    return ast.type === "conditional";
	}
	syntaxTree.isConditionalExpression = isConditionalExpression;
	function isUnaryOpExpression(ast) {
	    return ast.type === "unaryOp";
	}
	syntaxTree.isUnaryOpExpression = isUnaryOpExpression;
	function isBinaryOpExpression(ast) {
	    return ast.type === "binaryOp";
	}
	syntaxTree.isBinaryOpExpression = isBinaryOpExpression;
	function isTupleExpression(ast) {
	    return ast.type === "tuple";
	}
	syntaxTree.isTupleExpression = isTupleExpression;
	function isObjectExpression(part) {
	    return part.type === "object";
	}
	syntaxTree.isObjectExpression = isObjectExpression;
	function isNameTraversalPart(part) {
	    return part.type === "nameTraversal";
	}
	syntaxTree.isNameTraversalPart = isNameTraversalPart;
	function isIndexTraversalPart(part) {
	    return part.type === "indexTraversal";
	}
	syntaxTree.isIndexTraversalPart = isIndexTraversalPart;
	function getChildWithValue(node, value) {
	    if (!node.children) {
	        return null;
	    }
	    return node.children.find((child) => {
	        if (!child.meta)
	            return false;
	        return child.meta.value === value;
	    });
	}
	syntaxTree.getChildWithValue = getChildWithValue;
	
	return syntaxTree;
}

var hasRequiredReferences;

function requireReferences () {
	if (hasRequiredReferences) return references;
	hasRequiredReferences = 1;
	// Copyright (c) HashiCorp, Inc
	// SPDX-License-Identifier: MPL-2.0
	Object.defineProperty(references, "__esModule", { value: true });
	references.findAllReferencesInAst = references.traversalToReference = void 0;
	const syntax_tree_1 = requireSyntaxTree();
	function traversalToReference(traversalExpression, localVariables) {
	    const meta = traversalExpression.meta;
	    // We do not want to include property access through brackets here
	    // although it is technically a traversal / reference
	    function onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(traversals) {
	        const filtered = [];
	        for (const traversal of traversals) {
	            if ("segment" in traversal) {
	                {
	                    // We are at the first traversal, check if it is a local variable
	                    if (localVariables === null || localVariables === void 0 ? void 0 : localVariables.includes(traversal.segment)) {
	                        // We reached a local variable, stop
	                        return [];
	                    }
	                }
	                filtered.push(traversal);
	            }
	            else {
	                // We reached a bracket, stop
	                return filtered;
	            }
	        }
	        return filtered;
	    }
	    const filteredParts = onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(meta.traversal);
	    if (filteredParts.length === 0) {
	        return null;
	    }
	    const startPosition = filteredParts[0].range.start.byte;
	    const endPosition = filteredParts[filteredParts.length - 1].range.end.byte;
	    return {
	        value: filteredParts.map((part) => part.segment).join("."),
	        startPosition,
	        endPosition,
	    };
	}
	references.traversalToReference = traversalToReference;
	function findAllReferencesInAst(input, entry, localVariables) {
	    if (!entry) {
	        return [];
	    }
	    switch (entry.type) {
	        case "scopeTraversal": {
	            // For traversals within a for expression,
	            // we want to ignore the local variables of the for expression
	            const reference = traversalToReference(entry, localVariables);
	            if (reference)
	                return [reference];
	            return [];
	        }
	        case "for": {
	            const meta = entry.meta;
	            const additionalLocalVariables = [
	                meta.keyVar,
	                meta.valVar,
	                ...(localVariables || []),
	            ];
	            return [
	                ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.collectionExpression), additionalLocalVariables),
	                ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.conditionalExpression), additionalLocalVariables),
	            ];
	        }
	        default:
	            return entry.children
	                .map((child) => findAllReferencesInAst(input, child, localVariables))
	                .flat();
	    }
	}
	references.findAllReferencesInAst = findAllReferencesInAst;
	
	return references;
}

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	/**
	 * Copyright (c) HashiCorp, Inc.
	 * SPDX-License-Identifier: MPL-2.0
	 */
	Object.defineProperty(util, "__esModule", { value: true });
	util.wrapTerraformExpression = util.replaceQuotes = void 0;
	/**
	 * This function is used to escape quotes within a string.
	 *  Note: This is a really naive implmentation that will not be able to work with
	 *    nested templates. However, nested templates require parsing, so we will
	 *    only handle strings without nested templates for the moment
	 * @param input The string to escape
	 */
	function replaceQuotes(input) {
	    const fullyQuotedMatch = /^(\s*")(.*)("\s*)$/.exec(input);
	    const hasTemplate = /(?<!\$)\$\{/.test(input);
	    if (fullyQuotedMatch !== null && !hasTemplate) {
	        return `${fullyQuotedMatch[1]}${fullyQuotedMatch[2].replace(/"/g, `\\"`)}${fullyQuotedMatch[3]}`;
	    }
	    return input;
	}
	util.replaceQuotes = replaceQuotes;
	/**
	 * This function is used to wrap a string in quotes conditionally.
	 *  - If the string is already quoted, it will be returned as-is.
	 *  - If the string contains a newline, it will be wrapped in a heredoc.
	 *  - If the string is a number, it will be returned as-is.
	 *  - If the string is a boolean, it will be returned as-is.
	 *  - If the string is a list or map, it will be returned as-is.
	 *
	 * @param input The string to wrap
	 * @returns The wrapped string, and the offset of the cursor within the string
	 *
	 * @example
	 * wrapTerraformExpression("foo") // { wrap: '"foo"', wrapOffset: 1 }
	 * wrapTerraformExpression("foo\nbar") // { wrap: '<<EOE\nfoo\nbar\nEOE\n', wrapOffset: 5 }
	 * wrapTerraformExpression("22") // { wrap: '22', wrapOffset: 0 }
	 * wrapTerraformExpression("true") // { wrap: 'true', wrapOffset: 0 }
	 * wrapTerraformExpression("[22, 10]") // { wrap: '[22, 10]', wrapOffset: 0 }
	 * wrapTerraformExpression("{ foo = 22 }") // { wrap: '{ foo = 22 }', wrapOffset: 0 }
	 */
	function wrapTerraformExpression(input) {
	    input = replaceQuotes(input);
	    if (!isNaN(Number(input))) {
	        return { wrap: input, wrapOffset: 0 };
	    }
	    if (input === "true" || input === "false") {
	        return { wrap: input, wrapOffset: 0 };
	    }
	    if (input.startsWith(`"`)) {
	        if (input.indexOf("\n") >= 0) {
	            const trimWrapped = input.substring(1, input.length - 1);
	            return {
	                wrap: `<<EOE\n${trimWrapped}\nEOE\n`,
	                wrapOffset: 5,
	            };
	        }
	        return { wrap: input, wrapOffset: 0 };
	    }
	    if (input.startsWith("[") || input.startsWith("{")) {
	        return { wrap: input, wrapOffset: 0 };
	    }
	    if (input.startsWith("<<")) {
	        // For Heredocs, we need to ensure that the string ends with an empty newline as
	        // the HCL parser doesn't find the ending token otherwise
	        if (!input.endsWith("\n")) {
	            return { wrap: input + "\n", wrapOffset: 0 };
	        }
	        return { wrap: input, wrapOffset: 0 };
	    }
	    return { wrap: `"${input}"`, wrapOffset: 1 };
	}
	util.wrapTerraformExpression = wrapTerraformExpression;
	
	return util;
}

var bridge_wasm_exec = {};

var wasm_exec = {};

var hasRequiredWasm_exec;

function requireWasm_exec () {
	if (hasRequiredWasm_exec) return wasm_exec;
	hasRequiredWasm_exec = 1;

	(() => {
		const enosys = () => {
			const err = new Error("not implemented");
			err.code = "ENOSYS";
			return err;
		};

		if (!globalThis.fs) {
			let outputBuf = "";
			globalThis.fs = {
				constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1, O_DIRECTORY: -1 }, // unused
				writeSync(fd, buf) {
					outputBuf += decoder.decode(buf);
					const nl = outputBuf.lastIndexOf("\n");
					if (nl != -1) {
						console.log(outputBuf.substring(0, nl));
						outputBuf = outputBuf.substring(nl + 1);
					}
					return buf.length;
				},
				write(fd, buf, offset, length, position, callback) {
					if (offset !== 0 || length !== buf.length || position !== null) {
						callback(enosys());
						return;
					}
					const n = this.writeSync(fd, buf);
					callback(null, n);
				},
				chmod(path, mode, callback) { callback(enosys()); },
				chown(path, uid, gid, callback) { callback(enosys()); },
				close(fd, callback) { callback(enosys()); },
				fchmod(fd, mode, callback) { callback(enosys()); },
				fchown(fd, uid, gid, callback) { callback(enosys()); },
				fstat(fd, callback) { callback(enosys()); },
				fsync(fd, callback) { callback(null); },
				ftruncate(fd, length, callback) { callback(enosys()); },
				lchown(path, uid, gid, callback) { callback(enosys()); },
				link(path, link, callback) { callback(enosys()); },
				lstat(path, callback) { callback(enosys()); },
				mkdir(path, perm, callback) { callback(enosys()); },
				open(path, flags, mode, callback) { callback(enosys()); },
				read(fd, buffer, offset, length, position, callback) { callback(enosys()); },
				readdir(path, callback) { callback(enosys()); },
				readlink(path, callback) { callback(enosys()); },
				rename(from, to, callback) { callback(enosys()); },
				rmdir(path, callback) { callback(enosys()); },
				stat(path, callback) { callback(enosys()); },
				symlink(path, link, callback) { callback(enosys()); },
				truncate(path, length, callback) { callback(enosys()); },
				unlink(path, callback) { callback(enosys()); },
				utimes(path, atime, mtime, callback) { callback(enosys()); },
			};
		}

		if (!globalThis.process) {
			globalThis.process = {
				getuid() { return -1; },
				getgid() { return -1; },
				geteuid() { return -1; },
				getegid() { return -1; },
				getgroups() { throw enosys(); },
				pid: -1,
				ppid: -1,
				umask() { throw enosys(); },
				cwd() { throw enosys(); },
				chdir() { throw enosys(); },
			};
		}

		if (!globalThis.path) {
			globalThis.path = {
				resolve(...pathSegments) {
					return pathSegments.join("/");
				}
			};
		}

		if (!globalThis.crypto) {
			throw new Error("globalThis.crypto is not available, polyfill required (crypto.getRandomValues only)");
		}

		if (!globalThis.performance) {
			throw new Error("globalThis.performance is not available, polyfill required (performance.now only)");
		}

		if (!globalThis.TextEncoder) {
			throw new Error("globalThis.TextEncoder is not available, polyfill required");
		}

		if (!globalThis.TextDecoder) {
			throw new Error("globalThis.TextDecoder is not available, polyfill required");
		}

		const encoder = new TextEncoder("utf-8");
		const decoder = new TextDecoder("utf-8");

		globalThis.Go = class {
			constructor() {
				this.argv = ["js"];
				this.env = {};
				this.exit = (code) => {
					if (code !== 0) {
						console.warn("exit code:", code);
					}
				};
				this._exitPromise = new Promise((resolve) => {
					this._resolveExitPromise = resolve;
				});
				this._pendingEvent = null;
				this._scheduledTimeouts = new Map();
				this._nextCallbackTimeoutID = 1;

				const setInt64 = (addr, v) => {
					this.mem.setUint32(addr + 0, v, true);
					this.mem.setUint32(addr + 4, Math.floor(v / 4294967296), true);
				};

				const getInt64 = (addr) => {
					const low = this.mem.getUint32(addr + 0, true);
					const high = this.mem.getInt32(addr + 4, true);
					return low + high * 4294967296;
				};

				const loadValue = (addr) => {
					const f = this.mem.getFloat64(addr, true);
					if (f === 0) {
						return undefined;
					}
					if (!isNaN(f)) {
						return f;
					}

					const id = this.mem.getUint32(addr, true);
					return this._values[id];
				};

				const storeValue = (addr, v) => {
					const nanHead = 0x7FF80000;

					if (typeof v === "number" && v !== 0) {
						if (isNaN(v)) {
							this.mem.setUint32(addr + 4, nanHead, true);
							this.mem.setUint32(addr, 0, true);
							return;
						}
						this.mem.setFloat64(addr, v, true);
						return;
					}

					if (v === undefined) {
						this.mem.setFloat64(addr, 0, true);
						return;
					}

					let id = this._ids.get(v);
					if (id === undefined) {
						id = this._idPool.pop();
						if (id === undefined) {
							id = this._values.length;
						}
						this._values[id] = v;
						this._goRefCounts[id] = 0;
						this._ids.set(v, id);
					}
					this._goRefCounts[id]++;
					let typeFlag = 0;
					switch (typeof v) {
						case "object":
							if (v !== null) {
								typeFlag = 1;
							}
							break;
						case "string":
							typeFlag = 2;
							break;
						case "symbol":
							typeFlag = 3;
							break;
						case "function":
							typeFlag = 4;
							break;
					}
					this.mem.setUint32(addr + 4, nanHead | typeFlag, true);
					this.mem.setUint32(addr, id, true);
				};

				const loadSlice = (addr) => {
					const array = getInt64(addr + 0);
					const len = getInt64(addr + 8);
					return new Uint8Array(this._inst.exports.mem.buffer, array, len);
				};

				const loadSliceOfValues = (addr) => {
					const array = getInt64(addr + 0);
					const len = getInt64(addr + 8);
					const a = new Array(len);
					for (let i = 0; i < len; i++) {
						a[i] = loadValue(array + i * 8);
					}
					return a;
				};

				const loadString = (addr) => {
					const saddr = getInt64(addr + 0);
					const len = getInt64(addr + 8);
					return decoder.decode(new DataView(this._inst.exports.mem.buffer, saddr, len));
				};

				const testCallExport = (a, b) => {
					this._inst.exports.testExport0();
					return this._inst.exports.testExport(a, b);
				};

				const timeOrigin = Date.now() - performance.now();
				this.importObject = {
					_gotest: {
						add: (a, b) => a + b,
						callExport: testCallExport,
					},
					gojs: {
						// Go's SP does not change as long as no Go code is running. Some operations (e.g. calls, getters and setters)
						// may synchronously trigger a Go event handler. This makes Go code get executed in the middle of the imported
						// function. A goroutine can switch to a new stack if the current stack is too small (see morestack function).
						// This changes the SP, thus we have to update the SP used by the imported function.

						// func wasmExit(code int32)
						"runtime.wasmExit": (sp) => {
							sp >>>= 0;
							const code = this.mem.getInt32(sp + 8, true);
							this.exited = true;
							delete this._inst;
							delete this._values;
							delete this._goRefCounts;
							delete this._ids;
							delete this._idPool;
							this.exit(code);
						},

						// func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)
						"runtime.wasmWrite": (sp) => {
							sp >>>= 0;
							const fd = getInt64(sp + 8);
							const p = getInt64(sp + 16);
							const n = this.mem.getInt32(sp + 24, true);
							fs.writeSync(fd, new Uint8Array(this._inst.exports.mem.buffer, p, n));
						},

						// func resetMemoryDataView()
						"runtime.resetMemoryDataView": (sp) => {
							this.mem = new DataView(this._inst.exports.mem.buffer);
						},

						// func nanotime1() int64
						"runtime.nanotime1": (sp) => {
							sp >>>= 0;
							setInt64(sp + 8, (timeOrigin + performance.now()) * 1000000);
						},

						// func walltime() (sec int64, nsec int32)
						"runtime.walltime": (sp) => {
							sp >>>= 0;
							const msec = (new Date).getTime();
							setInt64(sp + 8, msec / 1000);
							this.mem.setInt32(sp + 16, (msec % 1000) * 1000000, true);
						},

						// func scheduleTimeoutEvent(delay int64) int32
						"runtime.scheduleTimeoutEvent": (sp) => {
							sp >>>= 0;
							const id = this._nextCallbackTimeoutID;
							this._nextCallbackTimeoutID++;
							this._scheduledTimeouts.set(id, setTimeout(
								() => {
									this._resume();
									while (this._scheduledTimeouts.has(id)) {
										// for some reason Go failed to register the timeout event, log and try again
										// (temporary workaround for https://github.com/golang/go/issues/28975)
										console.warn("scheduleTimeoutEvent: missed timeout event");
										this._resume();
									}
								},
								getInt64(sp + 8),
							));
							this.mem.setInt32(sp + 16, id, true);
						},

						// func clearTimeoutEvent(id int32)
						"runtime.clearTimeoutEvent": (sp) => {
							sp >>>= 0;
							const id = this.mem.getInt32(sp + 8, true);
							clearTimeout(this._scheduledTimeouts.get(id));
							this._scheduledTimeouts.delete(id);
						},

						// func getRandomData(r []byte)
						"runtime.getRandomData": (sp) => {
							sp >>>= 0;
							crypto.getRandomValues(loadSlice(sp + 8));
						},

						// func finalizeRef(v ref)
						"syscall/js.finalizeRef": (sp) => {
							sp >>>= 0;
							const id = this.mem.getUint32(sp + 8, true);
							this._goRefCounts[id]--;
							if (this._goRefCounts[id] === 0) {
								const v = this._values[id];
								this._values[id] = null;
								this._ids.delete(v);
								this._idPool.push(id);
							}
						},

						// func stringVal(value string) ref
						"syscall/js.stringVal": (sp) => {
							sp >>>= 0;
							storeValue(sp + 24, loadString(sp + 8));
						},

						// func valueGet(v ref, p string) ref
						"syscall/js.valueGet": (sp) => {
							sp >>>= 0;
							const result = Reflect.get(loadValue(sp + 8), loadString(sp + 16));
							sp = this._inst.exports.getsp() >>> 0; // see comment above
							storeValue(sp + 32, result);
						},

						// func valueSet(v ref, p string, x ref)
						"syscall/js.valueSet": (sp) => {
							sp >>>= 0;
							Reflect.set(loadValue(sp + 8), loadString(sp + 16), loadValue(sp + 32));
						},

						// func valueDelete(v ref, p string)
						"syscall/js.valueDelete": (sp) => {
							sp >>>= 0;
							Reflect.deleteProperty(loadValue(sp + 8), loadString(sp + 16));
						},

						// func valueIndex(v ref, i int) ref
						"syscall/js.valueIndex": (sp) => {
							sp >>>= 0;
							storeValue(sp + 24, Reflect.get(loadValue(sp + 8), getInt64(sp + 16)));
						},

						// valueSetIndex(v ref, i int, x ref)
						"syscall/js.valueSetIndex": (sp) => {
							sp >>>= 0;
							Reflect.set(loadValue(sp + 8), getInt64(sp + 16), loadValue(sp + 24));
						},

						// func valueCall(v ref, m string, args []ref) (ref, bool)
						"syscall/js.valueCall": (sp) => {
							sp >>>= 0;
							try {
								const v = loadValue(sp + 8);
								const m = Reflect.get(v, loadString(sp + 16));
								const args = loadSliceOfValues(sp + 32);
								const result = Reflect.apply(m, v, args);
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 56, result);
								this.mem.setUint8(sp + 64, 1);
							} catch (err) {
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 56, err);
								this.mem.setUint8(sp + 64, 0);
							}
						},

						// func valueInvoke(v ref, args []ref) (ref, bool)
						"syscall/js.valueInvoke": (sp) => {
							sp >>>= 0;
							try {
								const v = loadValue(sp + 8);
								const args = loadSliceOfValues(sp + 16);
								const result = Reflect.apply(v, undefined, args);
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 40, result);
								this.mem.setUint8(sp + 48, 1);
							} catch (err) {
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 40, err);
								this.mem.setUint8(sp + 48, 0);
							}
						},

						// func valueNew(v ref, args []ref) (ref, bool)
						"syscall/js.valueNew": (sp) => {
							sp >>>= 0;
							try {
								const v = loadValue(sp + 8);
								const args = loadSliceOfValues(sp + 16);
								const result = Reflect.construct(v, args);
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 40, result);
								this.mem.setUint8(sp + 48, 1);
							} catch (err) {
								sp = this._inst.exports.getsp() >>> 0; // see comment above
								storeValue(sp + 40, err);
								this.mem.setUint8(sp + 48, 0);
							}
						},

						// func valueLength(v ref) int
						"syscall/js.valueLength": (sp) => {
							sp >>>= 0;
							setInt64(sp + 16, parseInt(loadValue(sp + 8).length));
						},

						// valuePrepareString(v ref) (ref, int)
						"syscall/js.valuePrepareString": (sp) => {
							sp >>>= 0;
							const str = encoder.encode(String(loadValue(sp + 8)));
							storeValue(sp + 16, str);
							setInt64(sp + 24, str.length);
						},

						// valueLoadString(v ref, b []byte)
						"syscall/js.valueLoadString": (sp) => {
							sp >>>= 0;
							const str = loadValue(sp + 8);
							loadSlice(sp + 16).set(str);
						},

						// func valueInstanceOf(v ref, t ref) bool
						"syscall/js.valueInstanceOf": (sp) => {
							sp >>>= 0;
							this.mem.setUint8(sp + 24, (loadValue(sp + 8) instanceof loadValue(sp + 16)) ? 1 : 0);
						},

						// func copyBytesToGo(dst []byte, src ref) (int, bool)
						"syscall/js.copyBytesToGo": (sp) => {
							sp >>>= 0;
							const dst = loadSlice(sp + 8);
							const src = loadValue(sp + 32);
							if (!(src instanceof Uint8Array || src instanceof Uint8ClampedArray)) {
								this.mem.setUint8(sp + 48, 0);
								return;
							}
							const toCopy = src.subarray(0, dst.length);
							dst.set(toCopy);
							setInt64(sp + 40, toCopy.length);
							this.mem.setUint8(sp + 48, 1);
						},

						// func copyBytesToJS(dst ref, src []byte) (int, bool)
						"syscall/js.copyBytesToJS": (sp) => {
							sp >>>= 0;
							const dst = loadValue(sp + 8);
							const src = loadSlice(sp + 16);
							if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) {
								this.mem.setUint8(sp + 48, 0);
								return;
							}
							const toCopy = src.subarray(0, dst.length);
							dst.set(toCopy);
							setInt64(sp + 40, toCopy.length);
							this.mem.setUint8(sp + 48, 1);
						},

						"debug": (value) => {
							console.log(value);
						},
					}
				};
			}

			async run(instance) {
				if (!(instance instanceof WebAssembly.Instance)) {
					throw new Error("Go.run: WebAssembly.Instance expected");
				}
				this._inst = instance;
				this.mem = new DataView(this._inst.exports.mem.buffer);
				this._values = [ // JS values that Go currently has references to, indexed by reference id
					NaN,
					0,
					null,
					true,
					false,
					globalThis,
					this,
				];
				this._goRefCounts = new Array(this._values.length).fill(Infinity); // number of references that Go has to a JS value, indexed by reference id
				this._ids = new Map([ // mapping from JS values to reference ids
					[0, 1],
					[null, 2],
					[true, 3],
					[false, 4],
					[globalThis, 5],
					[this, 6],
				]);
				this._idPool = [];   // unused ids that have been garbage collected
				this.exited = false; // whether the Go program has exited

				// Pass command line arguments and environment variables to WebAssembly by writing them to the linear memory.
				let offset = 4096;

				const strPtr = (str) => {
					const ptr = offset;
					const bytes = encoder.encode(str + "\0");
					new Uint8Array(this.mem.buffer, offset, bytes.length).set(bytes);
					offset += bytes.length;
					if (offset % 8 !== 0) {
						offset += 8 - (offset % 8);
					}
					return ptr;
				};

				const argc = this.argv.length;

				const argvPtrs = [];
				this.argv.forEach((arg) => {
					argvPtrs.push(strPtr(arg));
				});
				argvPtrs.push(0);

				const keys = Object.keys(this.env).sort();
				keys.forEach((key) => {
					argvPtrs.push(strPtr(`${key}=${this.env[key]}`));
				});
				argvPtrs.push(0);

				const argv = offset;
				argvPtrs.forEach((ptr) => {
					this.mem.setUint32(offset, ptr, true);
					this.mem.setUint32(offset + 4, 0, true);
					offset += 8;
				});

				// The linker guarantees global data starts from at least wasmMinDataAddr.
				// Keep in sync with cmd/link/internal/ld/data.go:wasmMinDataAddr.
				const wasmMinDataAddr = 4096 + 8192;
				if (offset >= wasmMinDataAddr) {
					throw new Error("total length of command line and environment variables exceeds limit");
				}

				this._inst.exports.run(argc, argv);
				if (this.exited) {
					this._resolveExitPromise();
				}
				await this._exitPromise;
			}

			_resume() {
				if (this.exited) {
					throw new Error("Go program has already exited");
				}
				this._inst.exports.resume();
				if (this.exited) {
					this._resolveExitPromise();
				}
			}

			_makeFuncWrapper(id) {
				const go = this;
				return function () {
					const event = { id: id, this: this, args: arguments };
					go._pendingEvent = event;
					go._resume();
					return event.result;
				};
			}
		};
	})();
	return wasm_exec;
}

var hasRequiredBridge_wasm_exec;

function requireBridge_wasm_exec () {
	if (hasRequiredBridge_wasm_exec) return bridge_wasm_exec;
	hasRequiredBridge_wasm_exec = 1;


	globalThis.fs = fs__default;
	globalThis.TextEncoder = require$$1.TextEncoder;
	globalThis.TextDecoder = require$$1.TextDecoder;

	globalThis.performance ??= require$$2.performance;

	// Node >= 19 has a crypto function object, lower node versions need this polyfill
	if (!globalThis.crypto) {
		const crypto = crypto__default;
		globalThis.crypto = {
			getRandomValues(b) {
				return crypto.randomFillSync(b);
			},
		};
	}

	requireWasm_exec();
	return bridge_wasm_exec;
}

var hasRequiredBridge;

function requireBridge () {
	if (hasRequiredBridge) return bridge;
	hasRequiredBridge = 1;
	// Copyright (c) HashiCorp, Inc
	// SPDX-License-Identifier: MPL-2.0
	var __createBinding = (bridge && bridge.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (bridge && bridge.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (bridge && bridge.__importStar) || function (mod) {
	    if (mod && mod.__esModule) return mod;
	    var result = {};
	    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
	    __setModuleDefault(result, mod);
	    return result;
	};
	Object.defineProperty(bridge, "__esModule", { value: true });
	bridge.getExpressionAst = bridge.getReferencesInExpression = bridge.convertFiles = bridge.parse = void 0;
	/// <reference lib="dom" />
	// Inspired by
	// https://github.com/ts-terraform/ts-terraform
	// https://github.com/aaronpowell/webpack-golang-wasm-async-loader
	const fs = __importStar(require$$0);
	const path_1 = path;
	const deepmerge_1 = requireDeepmerge();
	const zlib_1 = require$$3;
	const references_1 = requireReferences();
	const util_1 = requireUtil();
	// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
	const jsRoot = {};
	function sleep() {
	    return new Promise((resolve) => {
	        setTimeout(resolve, 0);
	    });
	}
	function goBridge(getBytes) {
	    let ready = false;
	    async function init() {
	        // After: https://github.com/golang/go/commit/680caf15355057ca84857a2a291b6f5c44e73329
	        // Go 1.19+ has a different entrypoint
	        await Promise.resolve().then(() => __importStar(requireBridge_wasm_exec()));
	        const go = new commonjsGlobal.Go();
	        const bytes = await getBytes;
	        const result = await WebAssembly.instantiate(new Uint8Array(bytes), go.importObject);
	        commonjsGlobal.__parse_terraform_config_wasm__ = jsRoot;
	        void go.run(result.instance);
	        ready = true;
	    }
	    init().catch((error) => {
	        throw error;
	    });
	    const proxy = new Proxy({}, {
	        get: (_, key) => {
	            return async (...args) => {
	                while (!ready) {
	                    await sleep();
	                }
	                if (!(key in jsRoot)) {
	                    throw new Error(`There is nothing defined with the name "${key.toString()}"`);
	                }
	                if (typeof jsRoot[key] !== "function") {
	                    return jsRoot[key];
	                }
	                return new Promise((resolve, reject) => {
	                    const cb = (err, ...msg) => 
	                    // eslint-disable-next-line @typescript-eslint/ban-ts-comment
	                    // @ts-ignore
	                    err ? reject(new Error(err)) : resolve(...msg);
	                    const run = () => {
	                        jsRoot[key].apply(undefined, [...args, cb]);
	                    };
	                    run();
	                });
	            };
	        },
	    });
	    return proxy;
	}
	const loadWasm = async () => {
	    return (0, zlib_1.gunzipSync)(await fs.readFile(new URL(new URL('hcl2json.wasm.gz', import.meta.url).href)));
	};
	const wasm = goBridge(loadWasm());
	async function parse(filename, contents) {
	    const res = await wasm.parse(filename, contents);
	    return JSON.parse(res);
	}
	bridge.parse = parse;
	async function convertFiles(workingDirectory) {
	    let tfFileContents = "";
	    const tfJSONFileContents = [];
	    for (const file of fs.readdirSync(workingDirectory)) {
	        const filePath = (0, path_1.resolve)(workingDirectory, file);
	        if (!fs.lstatSync(filePath).isDirectory()) {
	            if (file.match(/\.tf$/)) {
	                tfFileContents += fs.readFileSync(filePath, "utf-8");
	                tfFileContents += "\n";
	            }
	            else if (file.match(/\.tf\.json$/)) {
	                tfJSONFileContents.push(JSON.parse(fs.readFileSync(filePath, "utf-8")));
	            }
	        }
	    }
	    if (tfFileContents === "" && tfJSONFileContents.length === 0) {
	        console.error(`No '.tf' or '.tf.json' files found in ${workingDirectory}`);
	        return {};
	    }
	    return (0, deepmerge_1.deepMerge)(await parse("hcl2json.tf", tfFileContents), ...tfJSONFileContents);
	}
	bridge.convertFiles = convertFiles;
	/**
	 * Parse a Terraform expression and return the AST. This function expects a string input, and will wrap the expression in quotes if it is not already quoted.
	 * @param filename The filename to use for the expression. This is used for error reporting.
	 * @param expression The expression to parse.
	 * @returns An array of References found in the expression.
	 */
	async function getReferencesInExpression(filename, expression) {
	    // We have to do this twice because of the problem with HEREDOCS
	    // Our current hcl2json implementation removes HEREDOCS and replaces them
	    // with a multi-line string, which is causing all kinds of problems
	    let offset = 0;
	    let quoteWrappedExpression = expression;
	    if (!expression.startsWith('"')) {
	        quoteWrappedExpression = `"${expression}"`;
	        offset = 1;
	    }
	    const { wrap: wrappedExpression, wrapOffset: startOffset } = (0, util_1.wrapTerraformExpression)(`${quoteWrappedExpression}`);
	    offset += startOffset;
	    const ast = await getExpressionAst(filename, wrappedExpression);
	    if (!ast) {
	        return [];
	    }
	    const refs = (0, references_1.findAllReferencesInAst)(expression, ast);
	    if (wrappedExpression === expression) {
	        return refs;
	    }
	    return refs.map((ref) => {
	        return {
	            ...ref,
	            startPosition: ref.startPosition - offset,
	            endPosition: ref.endPosition - offset,
	        };
	    });
	}
	bridge.getReferencesInExpression = getReferencesInExpression;
	/**
	 * Parse a Terraform expression and return the AST. The expression does not need to be a Terraform string.
	 * @param filename The filename to use for the expression. This is used for error reporting.
	 * @param expression The expression to parse.
	 * @returns The AST for the expression.
	 *
	 *   The returned AST has the following structure:
	 *   - type: The type of the node. This is a string.
	 *   - range: This contains the start and end of the node in the expression.
	 *   - children: This contains the children of the node. This is an array of nodes.
	 *   - meta: This contains metadata about the node. This is an object, and varies depending on the type of the node.
	 */
	async function getExpressionAst(filename, expression) {
	    const res = await wasm.getExpressionAst(filename, expression);
	    const ast = JSON.parse(res);
	    if (!ast) {
	        return null;
	    }
	    return ast;
	}
	bridge.getExpressionAst = getExpressionAst;
	
	return bridge;
}

var hasRequiredBuild;

function requireBuild () {
	if (hasRequiredBuild) return build;
	hasRequiredBuild = 1;
	(function (exports) {
		// Copyright (c) HashiCorp, Inc
		// SPDX-License-Identifier: MPL-2.0
		var __createBinding = (build && build.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __setModuleDefault = (build && build.__setModuleDefault) || (Object.create ? (function(o, v) {
		    Object.defineProperty(o, "default", { enumerable: true, value: v });
		}) : function(o, v) {
		    o["default"] = v;
		});
		var __importStar = (build && build.__importStar) || function (mod) {
		    if (mod && mod.__esModule) return mod;
		    var result = {};
		    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
		    __setModuleDefault(result, mod);
		    return result;
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.TFExpressionSyntaxTree = exports.wrapTerraformExpression = exports.getExpressionAst = exports.getReferencesInExpression = exports.convertFiles = exports.parse = void 0;
		var bridge_1 = requireBridge();
		Object.defineProperty(exports, "parse", { enumerable: true, get: function () { return bridge_1.parse; } });
		Object.defineProperty(exports, "convertFiles", { enumerable: true, get: function () { return bridge_1.convertFiles; } });
		Object.defineProperty(exports, "getReferencesInExpression", { enumerable: true, get: function () { return bridge_1.getReferencesInExpression; } });
		Object.defineProperty(exports, "getExpressionAst", { enumerable: true, get: function () { return bridge_1.getExpressionAst; } });
		var util_1 = requireUtil();
		Object.defineProperty(exports, "wrapTerraformExpression", { enumerable: true, get: function () { return util_1.wrapTerraformExpression; } });
		exports.TFExpressionSyntaxTree = __importStar(requireSyntaxTree());
		
	} (build));
	return build;
}

var buildExports = requireBuild();
var index = /*@__PURE__*/getDefaultExportFromCjs(buildExports);

var index$1 = /*#__PURE__*/_mergeNamespaces({
	__proto__: null,
	default: index
}, [buildExports]);

export { commonjsGlobal as c, getDefaultExportFromCjs as g, index$1 as i };
