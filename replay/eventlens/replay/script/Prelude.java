package eventlens.replay.script;

import org.graalvm.polyglot.Source;

/**
 * The JavaScript evaluated before every script: helpers the runtime calls (parse-and-freeze, stringify,
 * checking what an upcaster returned)
 * and determinism fixes — {@code Math.random} seeded per run, {@code Date.now()} and {@code new Date()}
 * reading the virtual clock.
 */
final class Prelude {
    static final String NAME = "eventlens-prelude.js";

    static final Source SOURCE = Source.newBuilder("js", """
            (function (host) {
              'use strict';
              const freeze = (o) => {
                if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
                  Object.freeze(o);
                  for (const k of Object.keys(o)) freeze(o[k]);
                }
                return o;
              };
              const parseFrozen = (t) => {
                if (t === null || t === undefined) return null;
                try { return freeze(JSON.parse(t)); } catch (e) { return t; }
              };
              const stringify = (v) => v === undefined ? null : JSON.stringify(v);
              let s = host.seed | 0;
              Math.random = function () {
                s = (s + 0x6D2B79F5) | 0;
                let t = Math.imul(s ^ (s >>> 15), 1 | s);
                t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
                return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
              };
              const RealDate = Date;
              const nowMs = () => host.nowMs();
              function VirtualDate(...a) {
                if (!new.target) return new RealDate(nowMs()).toString();
                return a.length === 0 ? new RealDate(nowMs()) : new RealDate(...a);
              }
              VirtualDate.prototype = RealDate.prototype;
              VirtualDate.now = nowMs;
              VirtualDate.parse = RealDate.parse;
              VirtualDate.UTC = RealDate.UTC;
              globalThis.Date = VirtualDate;
              const date = (ms) => new RealDate(ms);
              const condition = (text) => new Function('event', 'state', 'return (' + text + ');');
              const ENVELOPE = ['id', 'type', 'source', 'time', 'aggregateType', 'aggregateId', 'version',
                'correlationId', 'causationId', 'position'];
              const upcastResult = (before, r) => {
                if (r === null || typeof r !== 'object' || Array.isArray(r)) {
                  const what = r === null ? 'null' : Array.isArray(r) ? 'an array' : typeof r;
                  return { problem: 'returned ' + what + ' instead of an event object' };
                }
                for (const k of ENVELOPE) {
                  if (k in r && r[k] !== before[k]) {
                    return { problem: 'changed ' + k + ' from ' + JSON.stringify(before[k]) + ' to '
                      + JSON.stringify(r[k]) + ': an upcaster may change data and metadata only' };
                  }
                }
                return { hasData: 'data' in r, data: 'data' in r ? stringify(r.data) : null,
                  hasMetadata: 'metadata' in r, metadata: 'metadata' in r ? stringify(r.metadata) : null };
              };
              return { parseFrozen, stringify, date, condition, upcastResult };
            })
            """, NAME).buildLiteral();

    private Prelude() {
    }
}
