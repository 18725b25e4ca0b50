import { describe, expect, it } from '@jest/globals';
import { OUTPUT_LIMIT, OutputRecorder, STDERR_TAIL_LIMIT, createOutputBudget } from '../../../src/target/output.js';
import type { TargetEvent } from '../../../src/target/types.js';

describe('target output', () => {
  it('emits complete lines across chunk boundaries, without the line break', () => {
    const recorder = new OutputRecorder([], createOutputBudget());
    const lines: string[] = [];
    recorder.on('line', (line) => lines.push(line));
    recorder.write('stdout', 'listen');
    recorder.write('stdout', 'ing on 1\r\nsecond');
    recorder.write('stderr', 'an error\n');
    expect(lines).toEqual(['listening on 1', 'an error']);
  });

  it('keeps at most OUTPUT_LIMIT characters in the log, then one marker, and the latest stderr tail', () => {
    const log: TargetEvent[] = [];
    const recorder = new OutputRecorder(log, createOutputBudget());
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 40; i++) recorder.write(i % 2 === 0 ? 'stdout' : 'stderr', chunk);
    recorder.write('stderr', 'the very end');
    const texts = log.map((event) => (event.type === 'output' ? event.text : ''));
    expect(texts.slice(0, -1).join('').length).toBe(OUTPUT_LIMIT);
    expect(texts.at(-1)).toContain('not kept');
    expect(recorder.stderrTail).toHaveLength(STDERR_TAIL_LIMIT);
    expect(recorder.stderrTail.endsWith('the very end')).toBe(true);
  });

  it('shares one budget between the processes of a target', () => {
    const log: TargetEvent[] = [];
    const budget = createOutputBudget();
    new OutputRecorder(log, budget).write('stdout', 'a'.repeat(OUTPUT_LIMIT - 1));
    new OutputRecorder(log, budget).write('stdout', 'bcd');
    expect(log.map((event) => (event.type === 'output' ? event.text : ''))).toEqual(['a'.repeat(OUTPUT_LIMIT - 1), 'b']);
  });
});
