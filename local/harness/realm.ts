/**
 * Values handed to bundle code must belong to its vm realm (`x instanceof Array`, `instanceof
 * Date` are realm-specific). These helpers are compiled once and instantiated in each context.
 */
import vm from 'node:vm';
import { types } from 'node:util';
import type { Realm } from '../emulator/runtime';

const HELPERS = new vm.Script(
  `(function (D, isDate) {
  'use strict';
  function value(v) {
    if (v === null || typeof v !== 'object') return v;
    if (isDate(v)) return new D(v.getTime());
    if (Array.isArray(v)) {
      var a = new Array(v.length);
      for (var i = 0; i < v.length; i++) a[i] = value(v[i]);
      return a;
    }
    var p = Object.getPrototypeOf(v);
    if (p !== null && Object.getPrototypeOf(p) !== null) return v; // service objects are shared
    var o = {};
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) o[keys[k]] = value(v[keys[k]]);
    return o;
  }
  return {
    block: function (rows, r0, c0, nr, nc) {
      var out = new Array(nr);
      for (var i = 0; i < nr; i++) {
        var src = rows[r0 + i];
        var row = new Array(nc);
        var j;
        if (src === undefined) for (j = 0; j < nc; j++) row[j] = '';
        else
          for (j = 0; j < nc; j++) {
            var x = src[c0 + j];
            row[j] = x === undefined ? '' : typeof x === 'object' ? new D(x.getTime()) : x;
          }
        out[i] = row;
      }
      return out;
    },
    date: function (ms) { return new D(ms); },
    error: function (e) {
      if (e instanceof Error || !e || typeof e !== 'object' || typeof e.message !== 'string') return e;
      var err = new Error(e.message);
      err.name = e.name;
      if (typeof e.stack === 'string') err.stack = e.stack;
      return err;
    },
    list: function (items) {
      var a = new Array(items.length);
      for (var i = 0; i < items.length; i++) a[i] = items[i];
      return a;
    },
    value: value
  };
})`,
  { filename: 'emulator-realm.js' },
);

export function vmRealm(context: vm.Context, DateCtor: DateConstructor): Realm {
  const make = HELPERS.runInContext(context) as (
    d: DateConstructor,
    isDate: (v: unknown) => boolean,
  ) => Realm;
  return make(DateCtor, types.isDate);
}
