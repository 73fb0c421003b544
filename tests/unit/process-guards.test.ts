import { EventEmitter } from 'node:events';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { guardProcess } from '../../src/process-guards.js';

function guarded() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const target = new EventEmitter();
  const exits: number[] = [];
  guardProcess(log, target as never, (code) => exits.push(code));
  return { target, lines, exits };
}

describe('process guards', () => {
  it('logs an unhandled rejection with its error and keeps serving', () => {
    const { target, lines, exits } = guarded();
    target.emit('unhandledRejection', new Error('store write failed: ENOSPC'));
    expect(exits).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, err: { message: 'store write failed: ENOSPC' } });
  });

  it('keeps serving after a stray network error', () => {
    const { target, exits, lines } = guarded();
    target.emit('uncaughtException', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'uncaughtException');
    expect(exits).toEqual([]);
    expect(lines[0]).toMatchObject({ msg: 'network error outside a request; still serving' });
  });

  it('exits with 1 after any other exception, logging it first', () => {
    const { target, exits, lines } = guarded();
    target.emit('uncaughtException', new TypeError('x is not a function'), 'uncaughtException');
    expect(exits).toEqual([1]);
    expect(lines[0]).toMatchObject({ level: 60, err: { message: 'x is not a function' } });
  });
});
