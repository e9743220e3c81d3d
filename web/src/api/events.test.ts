import { describe, expect, it } from 'vitest';
import { SseParser } from './events';

describe('SseParser', () => {
  it('parses events split across chunks, with names, ids, multi-line data and comments', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\nevent: feature_created\nid: 7\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n\ndata: one\ndata: two\r\n\r\n')).toEqual([
      { event: 'feature_created', data: '{"a":1}', id: '7' },
      { event: 'message', data: 'one\ntwo', id: '7' },
    ]);
  });
});
