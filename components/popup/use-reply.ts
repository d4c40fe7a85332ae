import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../../lib/messaging/envelope';
import type { MessageType, RequestOf, ResponseOf } from '../../lib/messaging/protocol';
import { usePorts } from './popup-ports';

/**
 * The background's reply to `type` (null while it is on its way), asked again whenever `version`
 * changes (newer data arrived, settings changed). The previous reply stays on screen meanwhile.
 * Nothing is asked while `enabled` is false.
 */
export function useReply<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
  version: unknown,
  enabled = true,
): Reply<ResponseOf<K>> | null {
  const ports = usePorts();
  const [reply, setReply] = useState<Reply<ResponseOf<K>> | null>(null);
  const key = JSON.stringify(data);
  // `data` is compared by its JSON (`key`).
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    void ports.send(type, data).then((r) => alive && setReply(r));
    return () => {
      alive = false;
    };
  }, [type, key, version, ports, enabled]);
  return reply;
}
