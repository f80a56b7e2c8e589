/**
 * Code evaluated inside the sandbox before the user's script. It receives the host functions as
 * one argument (so they never appear as globals), installs the documented globals and returns
 * the helpers the runner needs. It captures the intrinsics it relies on first, so a script that
 * overwrites `JSON` or `Object` only breaks its own output — the host re-validates everything.
 *
 * Kept as its own file name so its lines never mix with the user's.
 */
export const PRELUDE_FILE = 'inlet:prelude.js';

export const PRELUDE_SOURCE = String.raw`(function (host) {
  'use strict';
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var getPrototypeOf = Object.getPrototypeOf;
  var objectKeys = Object.keys;
  var isArray = Array.isArray;
  var defineProperty = Object.defineProperty;
  var freeze = Object.freeze;
  var ObjectPrototype = Object.prototype;
  var ErrorCtor = Error;
  var MAX_DEPTH = 64;

  function describe(value) {
    if (value === null) return 'null';
    if (isArray(value)) return 'an array';
    if (typeof value === 'function') return 'a function';
    if (typeof value === 'object') {
      var proto = getPrototypeOf(value);
      var name = proto && proto.constructor && proto.constructor.name;
      return name && name !== 'Object' ? 'a ' + name : 'an object';
    }
    if (typeof value === 'string') return 'a string';
    return typeof value === 'undefined' ? 'undefined' : 'a ' + typeof value;
  }

  function formatArg(value) {
    if (typeof value === 'string') return value;
    if (value instanceof ErrorCtor) return value.name + ': ' + value.message;
    if (typeof value === 'function') return '[Function ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'bigint') return value + 'n';
    if (typeof value === 'symbol' || value === undefined) return String(value);
    try {
      var text = stringify(value);
      return text === undefined ? String(value) : text;
    } catch (e) {
      return '[' + describe(value) + ' that cannot be shown]';
    }
  }

  function logger(level) {
    return function () {
      var parts = [];
      for (var i = 0; i < arguments.length; i++) parts.push(formatArg(arguments[i]));
      host.log(level, parts.join(' '));
    };
  }

  function text(name, value) {
    if (typeof value !== 'string') throw new TypeError(name + ' must be a string, got ' + describe(value));
    return value;
  }

  function install(name, value) {
    defineProperty(globalThis, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  install('console', freeze({
    log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'), debug: logger('debug')
  }));
  install('crypto', freeze({
    hmac: function hmac(algorithm, key, message, encoding, keyEncoding) {
      return host.hmac(text('algorithm', algorithm), text('key', key), text('message', message),
        text('encoding', encoding === undefined ? 'hex' : encoding),
        text('keyEncoding', keyEncoding === undefined ? 'utf8' : keyEncoding));
    },
    hash: function hash(algorithm, message, encoding) {
      return host.hash(text('algorithm', algorithm), text('message', message),
        text('encoding', encoding === undefined ? 'hex' : encoding));
    },
    timingSafeEqual: function timingSafeEqual(a, b) {
      return host.equal(text('a', a), text('b', b));
    }
  }));
  install('atob', function atob(data) { return host.atob(String(data)); });
  install('btoa', function btoa(data) { return host.btoa(String(data)); });

  function problemIn(value, path, ancestors) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return undefined;
    if (typeof value === 'number') {
      return isFinite(value) ? undefined : path + ' is ' + value + ', which JSON cannot represent';
    }
    if (typeof value !== 'object') return path + ' is ' + describe(value) + ', which JSON cannot represent';
    if (ancestors.indexOf(value) !== -1) return path + ' refers back to itself (circular reference)';
    if (ancestors.length >= MAX_DEPTH) return path + ' is nested more than ' + MAX_DEPTH + ' levels deep';
    ancestors.push(value);
    try {
      if (isArray(value)) {
        for (var i = 0; i < value.length; i++) {
          if (value[i] === undefined) return path + '[' + i + '] is undefined, which JSON cannot represent';
          var inItem = problemIn(value[i], path + '[' + i + ']', ancestors);
          if (inItem) return inItem;
        }
        return undefined;
      }
      var proto = getPrototypeOf(value);
      if (proto !== ObjectPrototype && proto !== null) {
        var hint = describe(value) === 'a Date' ? ' (use date.toISOString())' : '';
        return path + ' is ' + describe(value) + ', not a plain object' + hint;
      }
      var keys = objectKeys(value);
      for (var k = 0; k < keys.length; k++) {
        var item = value[keys[k]];
        if (item === undefined) continue;
        var inProp = problemIn(item, path + '.' + keys[k], ancestors);
        if (inProp) return inProp;
      }
      return undefined;
    } finally {
      ancestors.pop();
    }
  }

  function finish(result) {
    if (result === null || typeof result !== 'object' || isArray(result)) {
      return { error: 'main must return an object such as { verified: true }, but it returned ' + describe(result) };
    }
    var verified = result.verified;
    if (verified !== undefined && typeof verified !== 'boolean') {
      return { error: '"verified" must be true, false or left out, but it is ' + describe(verified) };
    }
    var problem = problemIn(result, 'result', []);
    return problem ? { error: problem } : { json: stringify(result) };
  }

  function describeError(error) {
    try {
      if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
        var stack = error.stack;
        return stringify({
          name: typeof error.name === 'string' ? error.name : undefined,
          message: typeof error.message === 'string' ? error.message : formatArg(error),
          stack: typeof stack === 'string' ? stack.slice(0, 4000) : undefined,
          lineNumber: typeof error.lineNumber === 'number' ? error.lineNumber : undefined,
          fileName: typeof error.fileName === 'string' ? error.fileName : undefined
        });
      }
      return stringify({ message: formatArg(error) });
    } catch (e) {
      return stringify({ message: 'the script threw a value that cannot be read' });
    }
  }

  function findMain() {
    return typeof main === 'function' ? main : undefined;
  }

  return { parse: parse, finish: finish, describeError: describeError, findMain: findMain };
})`;
