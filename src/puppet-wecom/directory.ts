// Who is who on 企业微信, from the config alone: chat ids -> branch and group topic, userids -> roster
// names. The Wechaty shell keys rooms by topic and people by roster name, so giving a chat its
// configured topic and a bound userid its roster name is all it takes for the shell to work unchanged.
import type { Config } from '../domain/types.js'

export interface ChatEntry { branch: string; topic: string }

export interface Directory {
  chats: Map<string, ChatEntry>
  /** userid -> roster name */
  users: Map<string, string>
}

export function directoryOf(config: Config): Directory {
  const chats = new Map<string, ChatEntry>()
  const users = new Map<string, string>()
  for (const b of config.branches) {
    // chats[i] is the group the config calls rooms[i]; extra chats share the first topic
    b.wecom?.chats.forEach((c, i) => chats.set(c, { branch: b.id, topic: b.rooms[i] ?? b.rooms[0]! }))
    for (const m of b.members) if (m.wecom) users.set(m.wecom, m.name)
  }
  return { chats, users }
}

/** Roster members who cannot be reached on 企业微信: no `wecom:` userid in the config. */
export function unboundMembers(config: Config): string[] {
  return config.branches.flatMap((b) => b.members.filter((m) => !m.wecom).map((m) => m.name))
}
