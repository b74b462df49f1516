/** Unguessable share tokens: hex HMAC-SHA256 of the account id keyed with the share secret. */
import { createHmac } from 'node:crypto';

export function shareToken(accountId: string, secret: string): string {
  return createHmac('sha256', secret).update(accountId, 'utf8').digest('hex');
}
