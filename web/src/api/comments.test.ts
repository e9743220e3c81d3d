import { describe, expect, it } from 'vitest';
import { flatten, threads, type Comment } from './comments';

const comment = (id: string, parent: string | null, at: string, replies: Comment[] = []): Comment => ({
  id, content: id, author_id: 'u', map_id: 'm', layer_id: null, parent_id: parent, is_resolved: false, created_at: at, replies,
});

describe('comment threads', () => {
  it('groups replies of any depth under their root, oldest first', () => {
    const flat = [comment('r2', null, '2024-01-03'), comment('a', 'r1', '2024-01-02'), comment('r1', null, '2024-01-01'), comment('b', 'a', '2024-01-04')];
    expect(threads(flat).map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([['r1', ['a', 'b']], ['r2', []]]);
  });

  it('reads threads the server nests', () => {
    const nested = [comment('r1', null, '2024-01-01', [comment('a', 'r1', '2024-01-02', [comment('b', 'a', '2024-01-03')])])];
    expect(flatten(nested).map((c) => c.id)).toEqual(['r1', 'a', 'b']);
    expect(threads(flatten(nested))[0].replies.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('keeps a reply whose parent is missing as its own thread', () => {
    expect(threads([comment('x', 'gone', '2024-01-01')]).map((t) => t.root.id)).toEqual(['x']);
  });
});
