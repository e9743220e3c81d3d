// Collaborators (issue 4, DESIGN.md §4): GET/POST /api/maps/{id}/collaborators, DELETE …/{userId}.
// Written against the documented shape; until the server has it, calls answer 404 and the dialog says so.
import { json } from './http';

export type Permission = 'view' | 'edit';

export interface Collaborator {
  user_id: string;
  email?: string;
  name?: string | null;
  permission: Permission;
}

export const listCollaborators = (mapId: string) => json<Collaborator[]>(`/api/maps/${mapId}/collaborators`);
export const addCollaborator = (mapId: string, email: string, permission: Permission) =>
  json<Collaborator>(`/api/maps/${mapId}/collaborators`, { method: 'POST', body: { email, permission } });
export const removeCollaborator = (mapId: string, userId: string) =>
  json<void>(`/api/maps/${mapId}/collaborators/${userId}`, { method: 'DELETE' });
