/**
 * Whose export this is. messages.csv since 2021 only names each message's sender, so the
 * direction of every message (and so `last-message-from` and `unanswered`) depends on
 * knowing the owner. The export's own evidence comes first, in this order:
 *
 * 1. `Profile.csv`: the owner's name (every export has it).
 * 2. Invitations.csv: the owner is the inviter of OUTGOING rows and the invitee of INCOMING
 *    ones, by profile URL (2024+) and by name (`From` / `To`, every version).
 * 3. Only when neither exists: the most frequent sender of messages.csv. On a small file
 *    this can be wrong (two messages, one each way, is a coin toss), hence the last resort.
 *
 * A name without a URL is completed with the sender URL the owner's own messages carry.
 * The 2018 messages file says each message's direction itself; its owner is still looked
 * up for the record.
 */
import { memoNameKey, nameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { ExportOwner } from '../vault-state';

export type OwnerRule = 'Profile.csv' | 'invitations' | 'most frequent sender' | 'message direction column' | 'none';

export interface OwnerFinding {
  owner: ExportOwner | null;
  rule: OwnerRule;
}

/** The most counted key (ties: the smaller key, so the answer does not depend on file order). */
function mostCounted(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

function count(map: Map<string, number>, key: string | null): void {
  if (key) map.set(key, (map.get(key) ?? 0) + 1);
}

/** The owner's side of every invitation: URLs and names, counted. */
function invitationEvidence(exp: LinkedInExport): { url: string | null; name: string | null } {
  const urls = new Map<string, number>();
  const names = new Map<string, number>();
  const spelled = new Map<string, string>();
  for (const file of exp.invitations) {
    for (const inv of file.records) {
      const outgoing = inv.direction === 'outgoing';
      count(urls, outgoing ? inv.inviterUrl : inv.inviteeUrl);
      const name = outgoing ? inv.from : inv.to;
      if (name !== '') {
        count(names, nameKey(name));
        spelled.set(nameKey(name), name);
      }
    }
  }
  const key = mostCounted(names);
  return { url: mostCounted(urls), name: key === null ? null : (spelled.get(key) ?? null) };
}

/** The sender URL the owner's own messages carry, found by the owner's exact name. */
function senderUrlOf(exp: LinkedInExport, name: string): string | null {
  const key = nameKey(name);
  const keyOf = memoNameKey();
  const urls = new Map<string, number>();
  for (const { records: m } of exp.messages)
    for (let i = 0; i < m.length; i++) if (keyOf(m.from(i)) === key) count(urls, m.senderUrl(i));
  return mostCounted(urls);
}

/** The name the owner's messages are signed with, found by the owner's URL. */
function senderNameOf(exp: LinkedInExport, url: string): string {
  for (const { records: m } of exp.messages)
    for (let i = 0; i < m.length; i++) if (m.senderUrl(i) === url && m.from(i) !== '') return m.from(i);
  return '';
}

export function findOwner(exp: LinkedInExport): OwnerFinding {
  const profileName = exp.profiles.find((p) => p.name !== '')?.name ?? null;
  const invited = invitationEvidence(exp);
  if (profileName !== null || invited.url !== null || invited.name !== null) {
    const name = profileName ?? invited.name ?? '';
    const url = invited.url ?? (name !== '' ? senderUrlOf(exp, name) : null);
    return {
      owner: { name: name || (url ? senderNameOf(exp, url) : ''), profileUrl: url },
      rule: profileName !== null ? 'Profile.csv' : 'invitations',
    };
  }
  if (exp.messages.some((f) => f.format === '2018')) return { owner: null, rule: 'message direction column' };
  const senders = new Map<string, number>();
  for (const { records: m } of exp.messages) for (let i = 0; i < m.length; i++) count(senders, m.senderUrl(i));
  const url = mostCounted(senders);
  if (url !== null) return { owner: { name: senderNameOf(exp, url), profileUrl: url }, rule: 'most frequent sender' };
  return { owner: null, rule: 'none' };
}

/** Tells whether a message was written by the owner: by URL when known, else by exact name. */
export function ownMessageTest(owner: ExportOwner | null): (senderUrl: string | null, from: string) => boolean {
  if (owner === null) return () => false;
  const url = owner.profileUrl;
  if (url !== null) return (senderUrl) => senderUrl === url;
  const key = nameKey(owner.name);
  const keyOf = memoNameKey();
  return key === '' ? () => false : (_, from) => keyOf(from) === key;
}
