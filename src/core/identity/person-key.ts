/**
 * One string per person for remembering things about people who may have no note (the
 * invitations you sent): the canonical profile URL, else `name:` and the name key for
 * exports without URLs. URLs start with `https:`, so the two kinds never collide.
 */
import { nameKey } from './person-name';

export function personKey(profileUrl: string | null, name: string): string {
  return profileUrl ?? `name:${nameKey(name)}`;
}
