/** Words about channels and failures that the reducer (events) and the views (screen) share. */
import type { Messages } from '../i18n/messages.js';
import { FailureCode } from '../protocol/codes.js';
import type { Session } from '../protocol/schemas.js';

/** What the payer calls a channel: the host's label, else the catalog's name of its kind. */
export function channelName(m: Messages, session: Session, id: string): string {
  const channel = session.channels.find((c) => c.id === id);
  return channel ? (channel.label ?? m.channelName(channel.kind)) : id;
}

/** What a failure says, on screen and in `shouyin-failure`: a wallet's decline names the wallet, not a card's bank. */
export function failureText(m: Messages, session: Session, code: FailureCode, channelId: string): string {
  const kind = session.channels.find((c) => c.id === channelId)?.kind;
  return code === FailureCode.Declined && kind !== 'card' ? m.declinedBy(channelName(m, session, channelId)) : m.failures[code];
}
