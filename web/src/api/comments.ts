// Comments (issue 4, DESIGN.md §4): GET /api/comments?mapId=&layerId=, POST /api/comments,
// PUT/DELETE /api/comments/{id}. Threads are built client-side from parent_id.
import { json } from './http';

export interface Comment {
  id: string;
  /** null once deleted (the thread keeps its place). */
  content: string | null;
  author_id: string;
  author_name?: string | null;
  map_id: string | null;
  layer_id: string | null;
  parent_id: string | null;
  is_resolved: boolean;
  created_at: string;
  replies?: Comment[];
}

export interface Thread {
  root: Comment;
  replies: Comment[];
}

/** The comments of a map (or one of its layers), flat; the server may answer threads with nested `replies`. */
export async function listComments(mapId: string, layerId?: string): Promise<Comment[]> {
  const query = new URLSearchParams({ mapId });
  if (layerId) query.set('layerId', layerId);
  return flatten(await json<Comment[]>(`/api/comments?${query}`));
}

export function flatten(comments: Comment[]): Comment[] {
  return comments.flatMap((c) => [c, ...flatten(c.replies ?? [])]);
}

export const postComment = (input: { content: string; map_id: string; layer_id?: string | null; parent_id?: string | null }) =>
  json<Comment>('/api/comments', { method: 'POST', body: input });
export const resolveComment = (id: string, resolved: boolean) =>
  json<Comment>(`/api/comments/${id}`, { method: 'PUT', body: { is_resolved: resolved } });
export const deleteComment = (id: string) => json<void>(`/api/comments/${id}`, { method: 'DELETE' });

/** Root comments in time order, each with its replies (any depth flattened under the root), oldest first. */
export function threads(comments: Comment[]): Thread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: Comment): Comment => {
    const seen = new Set<string>();
    let at = c;
    while (at.parent_id && byId.has(at.parent_id) && !seen.has(at.id)) {
      seen.add(at.id);
      at = byId.get(at.parent_id)!;
    }
    return at;
  };
  const result = new Map<string, Thread>();
  const ordered = [...comments].sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const c of ordered) {
    const root = rootOf(c);
    if (!result.has(root.id)) result.set(root.id, { root, replies: [] });
    if (root.id !== c.id) result.get(root.id)!.replies.push(c);
  }
  return [...result.values()];
}
